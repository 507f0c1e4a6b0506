using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Faults;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Ledger;

public class PeriodAccountingTests
{
    private static RateProfile Limited()
    {
        RateProfile p = TestProfiles.ThreeLevel();
        return p with { Action = p.Action with { MaxRatePerSecond = [15.625, 3.90625] } }; // exact float steps
    }

    [Fact]
    public void Run_CompletedVirtualRun_EveryPeriodServedAndTheRampCountedAsPeriodsWithAnAction()
    {
        using var h = new Harness(Limited(), rampAtEnd: true);

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(500));

        ClockPeriods head = ClockPeriods.Of(summary.Ledger!).Single(c => c.Clock == "head");
        long ramp = h.Executor.Ledger.Total(LedgerEntry.FallbackStop);
        Assert.True(ramp > 0); // there was something to ramp from
        Assert.Equal(500 + ramp, head.Elapsed);
        Assert.Equal(head.Elapsed, head.Served);
        Assert.Equal(h.Sink.Actions.Count, head.Served);
        Assert.Equal(0, head.Gaps);
        Assert.Equal(5, summary.Ledger!.Of(LedgerEntry.PeriodElapsed, "context")); // 10 Hz over 500 ms
        Assert.Equal(1, summary.Ledger!.Of(LedgerEntry.PeriodElapsed, "planner")); // 1 Hz: tick 0
        Assert.All(ClockPeriods.Of(summary.Ledger!), c => Assert.True(c.Balanced, c.Clock));
        Assert.Equal(0, summary.Guards["period_accounting_faults"]);
    }

    [Fact]
    public void Close_TicksSkippedMidRun_GapsCountedAsNotScheduled()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Executor.Tick(1); // the first wake-up came one period late: base tick 0 is a start-up gap
        h.Executor.Tick(2);
        h.Executor.Tick(6); // an overrun skipped base ticks 3-5; no watchdog here

        int faults = Close(h, ran: 7, stoppedEarly: false);

        RunLedger l = h.Executor.Ledger;
        Assert.Equal(0, faults);
        Assert.Equal(7, l.Count(LedgerEntry.PeriodElapsed, "head"));
        Assert.Equal(4, l.Count(LedgerEntry.PeriodWithoutAction, "head"));
        Assert.Equal(3, l.Count(LedgerEntry.NoActionNotScheduled, "head"));
        Assert.Equal(1, l.Count(LedgerEntry.NoActionStartUp, "head"));
        Assert.Equal(4, l.Count(LedgerEntry.SkippedPeriod, "head"));
    }

    [Fact]
    public void Close_FirstWakeUpLate_GapsCountedAsStartUp()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Executor.Tick(3);

        int faults = Close(h, ran: 4, stoppedEarly: false);

        RunLedger l = h.Executor.Ledger;
        Assert.Equal(0, faults);
        Assert.Equal(3, l.Count(LedgerEntry.NoActionStartUp, "head"));
        Assert.Equal(0, l.Count(LedgerEntry.NoActionNotScheduled, "head"));
        Assert.Equal(4, l.Count(LedgerEntry.PeriodElapsed, "head"));
        Assert.Equal(1, l.Count(LedgerEntry.PeriodElapsed, "planner")); // skipped, and accounted as such
    }

    [Theory]
    [InlineData(true, LedgerEntry.NoActionStopped)]
    [InlineData(false, LedgerEntry.NoActionNotScheduled)]
    public void Close_PeriodsAfterTheLastAction_CountedWithTheirReason(bool stoppedEarly, LedgerEntry expected)
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Executor.Tick(1);
        h.Executor.Tick(2);

        // Base ticks 3 and 4 began (the run reached them) but their ticks never ran.
        int faults = Close(h, ran: 5, stoppedEarly);

        RunLedger l = h.Executor.Ledger;
        Assert.Equal(0, faults);
        Assert.Equal(2, l.Count(expected, "head"));
        Assert.Equal(1, l.Count(LedgerEntry.NoActionStartUp, "head")); // base tick 0
        Assert.Equal(3, l.Count(LedgerEntry.PeriodWithoutAction, "head"));
        Assert.Equal(5, l.Count(LedgerEntry.PeriodElapsed, "head"));
    }

    [Fact]
    public void Close_ActionsDoNotAddUp_ReportsAFaultAndCountsIt()
    {
        var observer = new FaultObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(), observers: [observer]);
        h.Executor.Tick(1);
        h.Executor.Ledger.Add(LedgerEntry.ModelAction, h.Executor.Ledger.ActionClock, 1); // an action nobody claimed a period for

        int faults = Close(h, ran: 2, stoppedEarly: false);

        Assert.Equal(1, faults);
        Assert.Equal(1, h.Executor.Ledger.Total(LedgerEntry.PeriodAccountingFault));
        FaultRecord fault = Assert.Single(observer.Faults, f => f.Kind == LedgerEntry.PeriodAccountingFault);
        Assert.Equal("head", fault.Source);
        Assert.False(ClockPeriods.Of(h.Executor.Ledger.Snapshot()).Single(c => c.Clock == "head").Balanced);
    }

    [Fact]
    public void Close_ContextTicksDoNotAddUp_ReportsAFaultOnThatClock()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Executor.Tick(3);
        h.Executor.Ledger.Add(LedgerEntry.SkippedPeriod, h.Executor.Ledger.IndexOf("context"), 1); // one more than elapsed

        int faults = Close(h, ran: 4, stoppedEarly: false);

        Assert.Equal(1, faults);
        Assert.Equal(1, h.Executor.Ledger.Count(LedgerEntry.PeriodAccountingFault, "context"));
    }

    /// <summary>Closes the books as the run loop does after <paramref name="ran"/> base ticks (no ramp).</summary>
    private static int Close(Harness h, long ran, bool stoppedEarly)
    {
        RunLedger l = h.Executor.Ledger;
        long[] scheduled = [.. l.Clocks.Select(c => PeriodsOf(h.Executor.Profile.Clock(c), h.Executor.Profile.BaseTickHz, ran))];
        return PeriodAccounting.Close(l, scheduled, h.Sink.Actions.Count == 0 ? -1 : h.Sink.Actions[^1].Tick, 0, stoppedEarly, ran * 1_000_000);
    }

    /// <summary>Periods of <paramref name="clock"/> that begin in base ticks [0, ran).</summary>
    private static long PeriodsOf(ClockDefinition clock, long baseHz, long ran)
    {
        long divisor = baseHz / clock.RateHz;
        return ran <= clock.OffsetTicks ? 0 : ((ran - 1 - clock.OffsetTicks) / divisor) + 1;
    }
}
