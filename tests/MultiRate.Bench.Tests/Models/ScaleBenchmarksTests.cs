using MultiRate.Bench.Models;
using MultiRate.Core.Models;
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

    [Theory]
    [InlineData(ComputeDevice.Cpu, ComputeDevice.Cpu)]
    [InlineData(ComputeDevice.Cuda, ComputeDevice.Cuda)]
    [InlineData(ComputeDevice.IlgpuCpu, ComputeDevice.IlgpuCpu)]
    public void InterferenceContextDevice_HeadOnAnIlgpuAccelerator_PutsTheContextOnTheSameOne(ComputeDevice head, ComputeDevice context)
    {
        Assert.Equal(context, ScaleBenchmarks.InterferenceContextDevice(head));
    }

    [Fact]
    public void Interference_HeadOnIlgpuCpu_RunsTheContextOnTheSharedAcceleratorAndSaysSo()
    {
        var o = new ScaleBenchmarkOptions
        {
            Device = ComputeDevice.IlgpuCpu,
            InterferenceSamples = 40,
            WarmUp = 2,
            ContextRateHz = 50,
            Shape = (8, 8, 2, 4, 2),
        };
        Interference i = ScaleBenchmarks.Interference(o);
        Assert.Equal("ilgpu-cpu", i.ContextDevice);
        Assert.True(i.ContextUpdates >= 1, "the context updated at least once while the head was timed");
        Assert.True(i.HeadP99AloneUs > 0 && i.HeadP99WithContextUs > 0);
        Assert.Contains("context on the head's own accelerator, ilgpu-cpu", ScaleBenchmarks.Method(o), StringComparison.Ordinal);
    }

    private static WidthRow Row(string device, int width, double p50) => new(device, width, width * 100L, new LatencyStats(p50, p50 * 1.2, p50 * 2, 100));
}
