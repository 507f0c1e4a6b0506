using MultiRate.Bench.Models;
using Xunit;

namespace MultiRate.Bench.Tests.Models;

public sealed class ScaleBenchmarksTests
{
    [Fact]
    public void Crossover_GpuFasterFromSomeWidth_IsTheSmallestSuchWidth()
    {
        WidthRow[] rows =
        [
            Row("cpu", 1024, 40), Row("cpu", 4096, 180), Row("cpu", 16384, 800),
            Row("cuda:0 GPU", 1024, 60), Row("cuda:0 GPU", 4096, 70), Row("cuda:0 GPU", 16384, 75),
        ];
        Assert.Equal(4096, ScaleBenchmarks.Crossover(rows));
    }

    [Fact]
    public void Crossover_CpuOnlyOrGpuNeverFaster_IsNull()
    {
        Assert.Null(ScaleBenchmarks.Crossover([Row("cpu", 1024, 40)]));
        Assert.Null(ScaleBenchmarks.Crossover([Row("cpu", 1024, 40), Row("cuda:0 GPU", 1024, 41)]));
    }

    [Fact]
    public void Scales_HelixLike_SplitsParametersAbout90To1()
    {
        var o = new ScaleBenchmarkOptions { Scales = [ModelScale.HelixLike], HeadSamples = 3, ContextSamples = 1, WarmUp = 1 };
        ScaleRow row = Assert.Single(ScaleBenchmarks.Scales(o));
        Assert.Equal("helix-like", row.Name);
        Assert.Equal("cpu", row.Device);
        Assert.InRange((double)row.ContextParams / row.HeadParams, 80, 100);
        Assert.Equal(row.MultirateMaxHz / row.DenseMaxHz, row.RateRatio, 9);
    }

    private static WidthRow Row(string device, int width, double p50) => new(device, width, width * 100L, new LatencyStats(p50, p50 * 1.2, p50 * 2, 100));
}
