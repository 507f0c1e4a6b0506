using MultiRate.Core.Rates;
using MultiRate.Scheduling.Ledger;
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
    private readonly FastStage _fast;
    private readonly OutputStage _output;
    private readonly DateTimeOffset _tick0;
    private readonly long _basePeriodNs;
    private readonly long _totalBaseTicks;
    private readonly Func<long> _nowNs;
    private readonly Lock _gate = new();
    private IDisposable _periodic;
    private OverrunPolicy _policySource;

    public DeadlineWatchdog(FastStage fast, OutputStage output, DateTimeOffset tick0, long basePeriodNs, long totalBaseTicks, Func<long> nowNs, int? fifoPriority = null)
    {
        _scheduler = new(new RealTimeSchedulerOptions { ThreadName = "multirate-watchdog", SpinMargin = TimeSpan.FromMicroseconds(50), FifoPriority = fifoPriority });
        _fast = fast;
        _output = output;
        _tick0 = tick0;
        _basePeriodNs = basePeriodNs;
        _totalBaseTicks = totalBaseTicks;
        _nowNs = nowNs;
        _periodic = Schedule(fast.Clock, firstTick: 0);
    }

    /// <summary>The budget the deadlines are timed with (the clock's, as of the last <see cref="Retime"/>).</summary>
    public long BudgetNs { get; private set; }

    /// <summary>
    /// Hot reload changed the action clock's budget or overrun policy: deadlines from the next tick on
    /// use the clock as it is now. The old and the new schedule can both see one tick around the switch;
    /// the claim (one compare-and-swap per tick) still lets only one action out for it.
    /// </summary>
    public void Retime()
    {
        ClockDefinition clock = _fast.Clock;
        lock (_gate)
        {
            if (clock.BudgetNs == BudgetNs && clock.Overrun == _policySource)
            {
                return;
            }

            long offset = clock.OffsetTicks * _basePeriodNs;
            long next = Math.Max(0, ((_nowNs() - offset) / clock.PeriodNs) + 1);
            IDisposable old = _periodic;
            _periodic = Schedule(clock, next);
            old.Dispose();
        }
    }

    private IDisposable Schedule(ClockDefinition clock, long firstTick)
    {
        long period = clock.PeriodNs;
        long offset = clock.OffsetTicks * _basePeriodNs;
        long budget = clock.BudgetNs;
        long lastTick = ((_totalBaseTicks - 1 - clock.OffsetTicks) * _basePeriodNs) / period;
        OverrunPolicy policy = clock.Overrun == OverrunPolicy.SafeAction ? OverrunPolicy.SafeAction : OverrunPolicy.Hold;
        BudgetNs = budget;
        _policySource = clock.Overrun;
        OutputStage output = _output;
        Func<long> nowNs = _nowNs;
        DateTimeOffset firstDue = _tick0 + TimeSpan.FromTicks((offset + (firstTick * period) + budget) / 100);
        return _scheduler.SchedulePeriodicAt(0L, firstDue, TimeSpan.FromTicks(period / 100), _ =>
        {
            long k = (nowNs() - offset - budget) / period;
            if (k >= 0 && k <= lastTick && output.TryClaim(k, out long previous))
            {
                // Counted by the output stage (reason: deadline); the fast thread counts the miss if it reaches tick k.
                output.EmitFallback(offset + (k * period) + budget, k, previous, policy, LedgerEntry.FallbackDeadline);
            }

            return 0;
        });
    }

    /// <summary>Why the watchdog thread's SCHED_FIFO was not applied, or null.</summary>
    public string? PlacementNote => _scheduler.PlacementNote;

    public void Dispose()
    {
        lock (_gate)
        {
            _periodic.Dispose();
        }

        _scheduler.Dispose();
    }
}
