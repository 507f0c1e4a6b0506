using HdrHistogram;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Tests.Stats;

public class HeadStatsTests
{
    [Fact]
    public void RecordRecursionSteps_RunLength_SameHistogramAsOneRecordPerTick()
    {
        int[] steps = [6, 6, 6, 3, 3, 8, 6, 6, 0, 0, 0, 0, 2000, 5];
        var stats = new HeadStats();
        var reference = new LongHistogram(1024, 3);
        foreach (int s in steps)
        {
            stats.RecordRecursionSteps(s);
            reference.RecordValue(Math.Clamp(s, 0, 1024));
        }

        stats.Flush();
        stats.Flush();

        Assert.Equal(reference.TotalCount, stats.RecursionSteps.TotalCount);
        foreach (double p in new[] { 0.0, 10, 25, 50, 75, 90, 99, 100 })
        {
            Assert.Equal(reference.GetValueAtPercentile(p), stats.RecursionSteps.GetValueAtPercentile(p));
        }
    }
}
