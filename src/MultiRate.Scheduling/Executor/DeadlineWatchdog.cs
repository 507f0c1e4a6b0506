using MultiRate.Core.Rates;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.RealTime;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Real time: at every head deadline (tick time + budget) checks whether the tick's action went out;
/// if not, claims the tick and emits the hold or safe action at the deadline, on its own thread.
/// The head's late result then loses the claim and is dropped (counted).
/// </summary>
/// <remarks>
/// <code>
///  tick k            deadline (k + budget)        tick k+1
///  |--head running------------|------------------->|
///                             ^ watchdog: TryClaim(k) wins -> fallback out now
///                                 head returns: TryClaim(k) loses -> result dropped
/// </code>
/// Runs on a dedicated real-time scheduler thread sharing the fast clock's time base. No allocation per tick.
/// </remarks>
internal sealed class DeadlineWatchdog : IDisposable
{
    private readonly RealTimeScheduler _scheduler;
    private readonly IDisposable _periodic;

    public DeadlineWatchdog(FastStage fast, OutputStage output, DateTimeOffset tick0, long basePeriodNs, long totalBaseTicks, Func<long> nowNs, int? fifoPriority = null)
    {
        _scheduler = new(new RealTimeSchedulerOptions { ThreadName = "multirate-watchdog", SpinMargin = TimeSpan.FromMicroseconds(50), FifoPriority = fifoPriority });
        ClockDefinition clock = fast.Clock;
        long period = clock.PeriodNs;
        long offset = clock.OffsetTicks * basePeriodNs;
        long budget = clock.BudgetNs;
        long lastTick = ((totalBaseTicks - 1 - clock.OffsetTicks) * basePeriodNs) / period;
        OverrunPolicy policy = clock.Overrun == OverrunPolicy.SafeAction ? OverrunPolicy.SafeAction : OverrunPolicy.Hold;
        _periodic = _scheduler.SchedulePeriodicAt(0L, tick0 + TimeSpan.FromTicks((offset + budget) / 100), TimeSpan.FromTicks(period / 100), _ =>
        {
            long k = (nowNs() - offset - budget) / period;
            if (k >= 0 && k <= lastTick && output.TryClaim(k))
            {
                output.EmitFallback(offset + (k * period) + budget, k, policy);
                Interlocked.Increment(ref fast.Stats.DeadlineFallbacks);
            }

            return 0;
        });
    }

    /// <summary>Why the watchdog thread's SCHED_FIFO was not applied, or null.</summary>
    public string? PlacementNote => _scheduler.PlacementNote;

    public void Dispose()
    {
        _periodic.Dispose();
        _scheduler.Dispose();
    }
}
