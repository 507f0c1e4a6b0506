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

        var stats = h.Executor.ClockStats.ToDictionary(c => c.Name);
        Assert.Equal(3, stats["head"].SkippedPeriods);
        Assert.Equal(1, stats["context"].SkippedPeriods);
        Assert.Equal(1, stats["planner"].SkippedPeriods);
        Assert.Equal(1, stats["head"].Ticks);
        Assert.Equal(0, stats["context"].Ticks);
    }
}
