using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Real time: runs updates on a dedicated worker thread. The fast thread only flips a flag and
/// releases a semaphore, so a trigger never waits for the module.
/// </summary>
internal sealed class ThreadSlowRunner : ISlowRunner
{
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private readonly Func<long> _nowNs;
    private readonly int _maxSteps;
    private SlowStage? _stage;
    private long _tick;
    private long _time;
    private volatile bool _busy;
    private volatile bool _stopped;

    public ThreadSlowRunner(string name, Func<long> nowNs, int maxSteps, int? cpu)
    {
        _nowNs = nowNs;
        _maxSteps = maxSteps;
        _thread = new Thread(() => Loop(cpu)) { IsBackground = true, Name = "multirate-" + name };
        _thread.Start();
    }

    public bool Busy => _busy;

    public void Start(SlowStage stage, long slowTick, long timeNs)
    {
        _stage = stage;
        _tick = slowTick;
        _time = timeNs;
        _busy = true;
        _go.Release();
    }

    public void Dispose()
    {
        _stopped = true;
        _go.Release();
        _thread.Join();
        _go.Dispose();
    }

    private void Loop(int? cpu)
    {
        if (cpu is int c)
        {
            _ = RealTime.ThreadPlacement.PinCurrentThread(c);
        }

        while (true)
        {
            _go.Wait();
            if (_stopped)
            {
                return;
            }

            SlowStage stage = _stage!;
            long started = Stopwatch.GetTimestamp();
            AnytimeBudget budget = stage.Mode == HandoffMode.Deterministic
                ? AnytimeBudget.FixedSteps(_maxSteps)
                : new AnytimeBudget(stage.Clock.BudgetNs, _maxSteps, fixedSteps: false, () => (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds);
            ContextResult result = stage.Compute(_tick, _time, budget);
            long elapsed = (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds;
            stage.Complete(_tick, _time, result, _nowNs(), elapsed);
            _busy = false;
        }
    }
}
