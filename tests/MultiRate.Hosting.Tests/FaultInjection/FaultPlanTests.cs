using MultiRate.Hosting.FaultInjection;

namespace MultiRate.Hosting.Tests.FaultInjection;

public class FaultPlanTests
{
    [Fact]
    public void Matrix_Seed1_PinnedWindowsInEveryProcess()
    {
        // Pinned: a plan depends on (fault, seed, run length) only, never on per-process randomization
        // (HashCode.Combine once made `multirate faults --seed 1` differ between two runs).
        long[] starts = [.. FaultPlan.Matrix(1, 5000).Select(p => p.StartTick)];

        Assert.Equal(PinnedSeed1, starts);
    }

    [Fact]
    public void Create_Window_LiesIn20To30PercentAndLasts20Percent()
    {
        foreach (FaultPlan plan in Enumerable.Range(0, 50).SelectMany(seed => FaultPlan.Matrix(seed, 5000)))
        {
            Assert.InRange(plan.StartTick, 1000, 1499);
            Assert.Equal(1000, plan.DurationTicks);
        }
    }

    private static readonly long[] PinnedSeed1 = [1492, 1218, 1107, 1196, 1043, 1487, 1086, 1480, 1488, 1024, 1498, 1307, 1469, 1046];
}
