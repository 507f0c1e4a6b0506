using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Resilience;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Real time: runs updates away from the fast thread. The fast thread only flips a flag and releases a
/// semaphore, so a trigger never waits for the module. A dedicated runner thread drives the slow
/// path's Polly pipeline (timeout, circuit breaker, fallback to the last latent); the module itself
/// runs on a <see cref="ComputeWorker"/> thread, so a call that never returns cannot block later updates.
/// </summary>
/// <remarks>
/// <code>
///  fast thread ── Start ──► runner thread: pipeline ──► compute thread: module.Update
///                                  │ timeout: stop waiting, abandon that compute thread (counted);
///                                  │          triggers are rejected until the stuck call returns, then
///                                  │          updates resume on a fresh thread (after MaxAbandonedWorkers
///                                  │          abandonments this clock's triggers are rejected for good)
///                                  └ Complete on the runner thread
/// </code>
/// Polly uses <see cref="TimeProvider.System"/> here: real time is system time, and Polly's timers must
/// not run on the real-time scheduler's (fast) thread. Modules are not re-entrant, so while an
/// abandoned call is still inside the module the clock's triggers are rejected (counted, last latent
/// kept); when the call finally returns, its result is discarded and counted, and updates resume.
/// </remarks>
internal sealed class ThreadSlowRunner : ISlowRunner
{
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private readonly Func<long> _nowNs;
    private readonly int _maxSteps;
    private readonly int? _cpu;
    private readonly string _name;
    private readonly ResilienceOptions _resilience;
    private readonly TimeProvider _time;
    private ComputeWorker? _worker;
    private SlowPathPipeline? _pipeline;
    private SlowStage? _stage;
    private long _tick;
    private long _time0;
    private int _abandoned;
    private int _stuck;
    private volatile bool _busy;
    private volatile bool _stopped;
    private volatile bool _warmingUp;
    private SlowPathPipeline? _warmUpPipeline;
    private readonly ManualResetEventSlim _warmUpDone = new();

    public ThreadSlowRunner(string name, Func<long> nowNs, int maxSteps, int? cpu, ResilienceOptions? resilience = null, TimeProvider? time = null)
    {
        _name = name;
        _nowNs = nowNs;
        _maxSteps = maxSteps;
        _cpu = cpu;
        _resilience = resilience ?? ResilienceOptions.Default;
        _time = time ?? TimeProvider.System;
        _thread = new Thread(Loop) { IsBackground = true, Name = "multirate-" + name };
        _thread.Start();
    }

    public bool Busy => _busy;

    public void Start(SlowStage stage, long slowTick, long timeNs)
    {
        _stage = stage;
        _tick = slowTick;
        _time0 = timeNs;
        _busy = true;
        _go.Release();
    }

    /// <summary>
    /// Before the clocks start: runs one update of <paramref name="stage"/> through the same path a
    /// trigger takes (this runner's thread, a pipeline, the compute thread), result discarded (nothing
    /// published or counted: a throwaway pipeline with its own counters), so the first real triggers
    /// neither start threads nor run the JIT on the fast thread's time. Called repeatedly by the
    /// executor's warm-up, it also lets tiered compilation promote this path before tick 0.
    /// </summary>
    public void WarmUp(SlowStage stage)
    {
        _warmUpPipeline ??= new SlowPathPipeline(() => stage.Clock, _resilience, _time, static _ => { });

        // What the run calls on the side at this clock's rate, so tiering promotes it now, not 30 calls
        // (3 s at 10 Hz) into the run: the trigger's Busy check (through the interface) and the clock read.
        _ = ((ISlowRunner)this).Busy;
        _ = _nowNs();
        _warmUpDone.Reset();
        _warmingUp = true;
        Start(stage, 0, 0);
        _warmUpDone.Wait();
        _warmingUp = false;
    }

    public void Dispose()
    {
        _stopped = true;
        _go.Release();
        _thread.Join();
        _worker?.Dispose();
        _go.Dispose();
        _warmUpDone.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (_stopped)
            {
                return;
            }

            SlowStage stage = _stage!;
            long tick = _tick;
            long time = _time0;
            bool warmingUp = _warmingUp;
            SlowPathPipeline pipeline = warmingUp
                ? _warmUpPipeline!
                : _pipeline ??= new SlowPathPipeline(() => stage.Clock, _resilience, _time, stage.Report);
            long started = Stopwatch.GetTimestamp();
            SlowAttempt attempt = _abandoned >= _resilience.MaxAbandonedWorkers || Volatile.Read(ref _stuck) > 0
                ? new SlowAttempt(new ContextResult(ModuleOutcome.Faulted, null, 0), SlowOutcome.Rejected)
                : pipeline.ExecuteAsync(ct => RunAsync(stage, tick, time, ct)).AsTask().GetAwaiter().GetResult();
            long elapsed = (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds;
            if (_worker is { Busy: true })
            {
                // The call outlived its timeout: leave its thread behind and use a fresh one next time.
                // Counted as stuck first, so a late return racing this can only bring the count back to 0.
                Interlocked.Increment(ref _stuck);
                if (_worker.TryAbandon())
                {
                    _worker = null;
                    _abandoned++;
                    stage.Report(LedgerEntry.AbandonedWorker);
                }
                else
                {
                    // It returned just now: nothing is stuck, and the worker stays usable.
                    Interlocked.Decrement(ref _stuck);
                }
            }

            if (warmingUp)
            {
                _busy = false;
                _warmUpDone.Set();
                continue;
            }

            stage.Complete(tick, time, attempt, _nowNs(), attempt.Outcome == SlowOutcome.Rejected ? 0 : elapsed);
            _busy = false;
        }
    }

    private ValueTask<ContextResult> RunAsync(SlowStage stage, long tick, long time, CancellationToken ct)
    {
        _worker ??= new ComputeWorker("multirate-" + _name + "-compute", _cpu, () =>
        {
            Interlocked.Decrement(ref _stuck);
            stage.Report(LedgerEntry.LateResult);
        });
        Task<ContextResult> call = _worker.Run(() =>
        {
            long started = Stopwatch.GetTimestamp();
            AnytimeBudget budget = stage.Mode == HandoffMode.Deterministic
                ? AnytimeBudget.FixedSteps(_maxSteps)
                : new AnytimeBudget(stage.Clock.BudgetNs, _maxSteps, fixedSteps: false, () => (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds);
            return stage.Compute(tick, time, budget);
        });
        return new ValueTask<ContextResult>(call.WaitAsync(ct));
    }
}
