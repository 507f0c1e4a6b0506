using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class SkippedStartTests
{
    [Fact]
    public void Tick_FirstWakeUpLate_PeriodsBeforeItAreCountedAsSkipped()
    {
        // Real time can wake up for the first time after tick 0 (a loaded machine): base ticks 0-2 never ran.
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Executor.Tick(3);

        RunLedger ledger = h.Executor.Ledger;
        Assert.Equal(3, ledger.Count(LedgerEntry.SkippedPeriod, "head"));
        Assert.Equal(1, ledger.Count(LedgerEntry.SkippedPeriod, "context"));
        Assert.Equal(1, ledger.Count(LedgerEntry.SkippedPeriod, "planner"));
        Assert.Equal(1, ledger.Count(LedgerEntry.Tick, "head"));
        Assert.Equal(0, ledger.Count(LedgerEntry.Tick, "context"));
        Assert.Equal(3, ledger.Count(LedgerEntry.PeriodWithoutAction, "head")); // no watchdog here: nothing covered them
    }
}
