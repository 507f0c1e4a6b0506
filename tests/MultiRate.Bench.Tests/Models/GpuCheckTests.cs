using MultiRate.Bench.Models;
using MultiRate.Core.Models;

namespace MultiRate.Bench.Tests.Models;

/// <summary>The GPU check on ILGPU's CPU accelerator, with both references, and its width sweep.</summary>
public sealed class GpuCheckTests
{
    [Fact]
    public void Reference_TorchSharpLoadsHere_IsTheTorchHead()
    {
        Assert.Equal(GpuCheck.TorchReference, GpuCheck.Reference());
    }

    [Theory]
    [InlineData(GpuCheck.TorchReference)]
    [InlineData(GpuCheck.IlgpuReference)]
    public void Run_EveryVariant_PassesAgainstTheReference(string reference)
    {
        IReadOnlyList<GpuCheckResult> results = GpuCheck.Run(ComputeDevice.IlgpuCpu, samples: 5, reference);

        Assert.Equal(5, results.Count);
        Assert.All(results, r =>
        {
            Assert.True(r.Passed, $"{r.Variant}: max error {r.MaxError}");
            Assert.Equal(reference, r.Reference);
            Assert.Equal(5, r.Samples);
        });
        if (reference == GpuCheck.IlgpuReference)
        {
            // The same kernels on the same accelerator and parameters: bit for bit.
            Assert.All(results, r => Assert.Equal(0, r.MaxError));
        }
    }

    [Theory]
    [InlineData(GpuCheck.TorchReference)]
    [InlineData(GpuCheck.IlgpuReference)]
    public void RunContexts_EveryShape_PassesAgainstTheReference(string reference)
    {
        IReadOnlyList<GpuContextCheckResult> results = GpuContextCheck.Run(ComputeDevice.IlgpuCpu, samples: 2, reference);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Variant}: max error {r.MaxError}"));
        if (reference == GpuCheck.IlgpuReference)
        {
            // Without TorchSharp both contexts are the same kernels on the same seeded parameters: bit for bit.
            Assert.All(results, r => Assert.Equal(0, r.MaxError));
        }
    }

    [Fact]
    public void Interference_SeededOnTheCpuAccelerator_HeadAndContextShareItAndTheContextRuns()
    {
        var options = new ScaleBenchmarkOptions { Device = ComputeDevice.IlgpuCpu, InterferenceSamples = 100, ContextRateHz = 1000, WarmUp = 2 };

        Interference i = GpuInterference.Run(ComputeDevice.IlgpuCpu, options);

        Assert.Equal("ilgpu-cpu", i.ContextDevice);
        Assert.True(i.ContextUpdates > 0, "the context never updated while the head was timed");
        Assert.True(i.HeadP99AloneUs > 0 && i.HeadP99WithContextUs > 0);
        Assert.Equal(i.HeadP99WithContextUs / i.HeadP99AloneUs, i.Ratio, 9);
    }

    [Fact]
    public void Widths_UpToMax_PowersOfFourWithGrowingParameters()
    {
        IReadOnlyList<GpuWidthResult> rows = GpuCheck.Widths(ComputeDevice.IlgpuCpu, maxWidth: 4096, ticks: 10);

        Assert.Equal([256, 1024, 4096], rows.Select(r => r.Width));
        Assert.True(rows[0].Parameters < rows[1].Parameters && rows[1].Parameters < rows[2].Parameters);
        Assert.Equal(((45 + 64 + 2) * 256) + 256 + (256 * 7) + 7, rows[0].Parameters);
        Assert.All(rows, r => Assert.True(r.P50Us > 0 && r.P99Us >= r.P50Us));
    }
}
