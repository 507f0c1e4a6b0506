using System.Reactive.Concurrency;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// At every head deadline (tick time + budget) checks whether the tick's action went out; if not,
/// claims the tick and emits the hold or safe action at the deadline. The head's late result then
/// loses the claim and is dropped (counted).
/// </summary>
/// <remarks>
/// <code>
///  tick k            deadline (k + budget)        tick k+1
///  |--head running------------|------------------->|
///                             ^ watchdog: TryClaim(k) wins -> fallback out now
///                                 head returns: TryClaim(k) loses -> result dropped
/// </code>
/// Runs on whatever scheduler the clock driver gives it, through its <see cref="ITickScheduler"/>
/// capability, in the same nanosecond time base as the graph's ticks: in real time a dedicated
/// real-time scheduler thread (the head may be stuck on the clock thread), in virtual time the run's
/// own virtual scheduler (so its behaviour is tested exactly). The deadline is the index it is handed
/// (after a wake-up later than the next deadline, the latest one due), never rebuilt from a clock
/// reading. No allocation per tick.
/// </remarks>
internal sealed class DeadlineWatchdog : IDisposable
{
    private readonly ITickScheduler _ticks;
    private readonly IDisposable? _owned;
    private readonly FastStage _fast;
    private readonly OutputStage _output;
    private readonly long _tick0Ns;
    private readonly long _basePeriodNs;
    private readonly long _totalBaseTicks;
    private readonly Lock _gate = new();
    private IDisposable _periodic;
    private OverrunPolicy _policySource;

    /// <param name="scheduler">Where the deadlines run; its <see cref="ITickScheduler"/> time base is the graph's.</param>
    /// <param name="owned">Disposed with the watchdog (the real-time driver's dedicated scheduler), or null.</param>
    /// <param name="fast">The action clock's stage (its clock, budget and policy).</param>
    /// <param name="output">The output stage whose claim decides who emits each tick.</param>
    /// <param name="tick0Ns">Base tick 0 in the scheduler's nanoseconds.</param>
    /// <param name="basePeriodNs">The base tick period.</param>
    /// <param name="totalBaseTicks">Base ticks in the run (no deadline past the last one).</param>
    public DeadlineWatchdog(IScheduler scheduler, IDisposable? owned, FastStage fast, OutputStage output, long tick0Ns, long basePeriodNs, long totalBaseTicks)
    {
        _ticks = scheduler.RequireCapability<ITickScheduler>();
        _owned = owned;
        _fast = fast;
        _output = output;
        _tick0Ns = tick0Ns;
        _basePeriodNs = basePeriodNs;
        _totalBaseTicks = totalBaseTicks;
        _periodic = Schedule(fast.Clock, firstTick: 0);
    }

    /// <summary>The budget the deadlines are timed with (the clock's, as of the last <see cref="Retime"/>).</summary>
    public long BudgetNs { get; private set; }

    /// <summary>
    /// Hot reload changed the action clock's budget or overrun policy: deadlines of the action ticks
    /// after base tick <paramref name="baseTick"/> use the clock as it is now. The old and the new
    /// schedule can both see one tick around the switch; the claim (one compare-and-swap per tick)
    /// still lets only one action out for it.
    /// </summary>
    public void Retime(long baseTick)
    {
        ClockDefinition clock = _fast.Clock;
        lock (_gate)
        {
            if (clock.BudgetNs == BudgetNs && clock.Overrun == _policySource)
            {
                return;
            }

            long offset = clock.OffsetTicks * _basePeriodNs;
            long next = Math.Max(0, (((baseTick * _basePeriodNs) - offset) / clock.PeriodNs) + 1);
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
        long firstDue = _tick0Ns + offset + (firstTick * period) + budget;
        return _ticks.ScheduleTicks(firstDue, period, booked =>
        {
            // The scheduler hands the latest deadline due (after a late wake, the tick the head is most
            // likely stuck in; the claim makes every earlier one unclaimable anyway).
            long k = firstTick + booked;
            if (k <= lastTick && output.TryClaim(k, out long previous))
            {
                // Counted by the output stage (reason: deadline); the fast thread counts the miss if it reaches tick k.
                output.EmitFallback(offset + (k * period) + budget, k, previous, policy, LedgerEntry.FallbackDeadline);
            }
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _periodic.Dispose();
        }

        _owned?.Dispose();
    }
}
