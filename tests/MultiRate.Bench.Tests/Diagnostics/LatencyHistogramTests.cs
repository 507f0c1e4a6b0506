using MultiRate.Bench.Diagnostics;

namespace MultiRate.Bench.Tests.Diagnostics;

public class LatencyHistogramTests
{
    [Fact]
    public void PercentileUs_ThousandSamples_ReadsBackInMicroseconds()
    {
        var h = new LatencyHistogram();
        for (long ns = 1_000; ns <= 1_000_000; ns += 1_000)
        {
            h.Record(ns);
        }

        LatencyDistribution d = h.ToDistribution();
        Assert.Equal(1000, d.Samples);
        Assert.Equal(500, d.P50Us, 0);
        Assert.Equal(990, d.P99Us, 0);
        Assert.Equal(1000, d.MaxUs, 0);
        Assert.InRange(d.MeanUs, 500, 501);
    }

    [Fact]
    public void Record_OutOfRangeValues_ClampedAndCounted()
    {
        var h = new LatencyHistogram();
        h.Record(-5);
        h.Record(LatencyHistogram.MaxTrackableNs * 2);

        Assert.Equal(2, h.Count);
        Assert.Equal(2, h.Clamped);
        Assert.InRange(h.MaxUs, LatencyHistogram.MaxTrackableNs / 1e3 * 0.999, LatencyHistogram.MaxTrackableNs / 1e3 * 1.001);
    }

    [Fact]
    public void CountAbove_Threshold_CountsOnlyLargerSamples()
    {
        var h = new LatencyHistogram();
        foreach (long v in new long[] { 10_000, 20_000, 600_000, 700_000, 900_000 })
        {
            h.Record(v);
        }

        Assert.Equal(3, h.CountAbove(500_000));
        Assert.Equal(0, h.CountAbove(1_000_000));
        Assert.Equal(5, h.CountAbove(0));
    }

    [Fact]
    public void Record_SteadyState_AllocatesNothing()
    {
        var h = new LatencyHistogram();
        h.Record(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            h.Record(i * 37);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
