using System.Diagnostics;
using System.Reactive.Concurrency;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Scheduling.Resilience;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Virtual time: runs the update inline (fixed recursion, no wall clock involved), then waits its
/// virtual compute time (the cost model's) on the scheduler, inside the slow path's Polly pipeline.
/// The update completes at <c>trigger + cost</c>, or at <c>trigger + timeout</c> when the cost is
/// longer (a "hang" is an infinite cost), so replays are deterministic and faults are too.
/// </summary>
/// <remarks>
/// <code>
///   trigger t: module runs inline ─► await VirtualDelay(cost) on the scheduler ──┬─► t + cost: Complete(latent)
///                                                 Polly timeout timer (t + T) ──┴─► t + T: Complete(TimedOut)
/// </code>
/// Everything runs on the thread advancing the virtual scheduler: timer callbacks complete the awaits
/// inline, so completion happens inside the scheduler item at the due time. A result ready at once
/// (cost 0, or a rejection by the open circuit) is completed by a work item at the current time,
/// after the current tick, as before. The latency statistics record the measured compute time.
/// A virtual cost of a day or more is treated as never finishing.
/// </remarks>
internal sealed class VirtualSlowRunner : ISlowRunner
{
    private static readonly long NeverNs = TimeSpan.FromDays(1).Ticks * 100;
    private readonly IScheduler _scheduler;
    private readonly Func<long> _nowNs;
    private readonly IComputeCostModel _costs;
    private readonly int _maxSteps;
    private readonly ResilienceOptions _resilience;
    private readonly SchedulerTimeProvider _time;
    private SlowPathPipeline? _pipeline;

    public VirtualSlowRunner(IScheduler scheduler, Func<long> nowNs, IComputeCostModel costs, int maxSteps, ResilienceOptions? resilience = null)
    {
        _scheduler = scheduler;
        _nowNs = nowNs;
        _costs = costs;
        _maxSteps = maxSteps;
        _resilience = resilience ?? ResilienceOptions.Default;
        _time = new SchedulerTimeProvider(scheduler);
    }

    public bool Busy { get; private set; }

    public void Start(SlowStage stage, long slowTick, long timeNs)
    {
        Busy = true;
        _pipeline ??= new SlowPathPipeline(() => stage.Clock, _resilience, _time, stage.Report);
        long measured = 0;
        ValueTask<SlowAttempt> pending = _pipeline.ExecuteAsync(async ct =>
        {
            long started = Stopwatch.GetTimestamp();
            ContextResult result = stage.Compute(slowTick, timeNs, AnytimeBudget.FixedSteps(_maxSteps));
            measured = (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds;
            long cost = Math.Max(0, _costs.CostNs(stage.Clock.Name, slowTick, stage.Clock.LatencyNs));
            if (cost > 0)
            {
                TimeSpan delay = cost >= NeverNs ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(cost / 100);
                await VirtualDelay.Start(_scheduler, delay, ct).ConfigureAwait(false);
            }

            return result;
        });

        if (pending.IsCompleted)
        {
            SlowAttempt now = pending.Result;
            _scheduler.Schedule(() => Finish(stage, slowTick, timeNs, now, measured));
        }
        else
        {
            _ = pending.AsTask().ContinueWith(
                t => Finish(stage, slowTick, timeNs, t.Result, measured),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public void WarmUp(SlowStage stage)
    {
    }

    public void Dispose()
    {
    }

    private void Finish(SlowStage stage, long slowTick, long timeNs, SlowAttempt attempt, long measured)
    {
        Busy = false;
        long finished = _nowNs();
        stage.Complete(slowTick, timeNs, attempt, finished, attempt.Outcome == SlowOutcome.Rejected ? 0 : measured);
    }
}
