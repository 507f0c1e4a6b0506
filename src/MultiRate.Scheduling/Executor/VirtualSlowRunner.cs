using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Virtual time: runs the update inline (fixed recursion, no wall clock involved) and completes it
/// at <c>trigger + cost</c> on the virtual scheduler, so replays are deterministic and still see the
/// profile's declared latency. The latency statistics record the measured compute time.
/// </summary>
internal sealed class VirtualSlowRunner : ISlowRunner
{
    private readonly IScheduler _scheduler;
    private readonly Func<long, DateTimeOffset> _toTime;
    private readonly IComputeCostModel _costs;
    private readonly int _maxSteps;

    public VirtualSlowRunner(IScheduler scheduler, Func<long, DateTimeOffset> toTime, IComputeCostModel costs, int maxSteps)
    {
        _scheduler = scheduler;
        _toTime = toTime;
        _costs = costs;
        _maxSteps = maxSteps;
    }

    public bool Busy { get; private set; }

    public void Start(SlowStage stage, long slowTick, long timeNs)
    {
        Busy = true;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        ContextResult result = stage.Compute(slowTick, timeNs, AnytimeBudget.FixedSteps(_maxSteps));
        long measured = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalNanoseconds;
        long cost = Math.Max(0, _costs.CostNs(stage.Clock.Name, slowTick, stage.Clock.LatencyNs));
        long ready = timeNs + cost;
        _scheduler.Schedule(_toTime(ready), () =>
        {
            Busy = false;
            stage.Complete(slowTick, timeNs, result, ready, measured);
        });
    }

    public void Dispose()
    {
    }
}
