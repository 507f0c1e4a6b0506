using MultiRate.Bench.Models;
using Xunit;

namespace MultiRate.Bench.Tests.Models;

public sealed class ModelBenchmarksTests
{
    [Fact]
    public void Run_TinyOptions_ReportsEverySweepAndTheHeadline()
    {
        var options = new ModelBenchmarkOptions
        {
            HeadWidths = [16, 32],
            ExpertCounts = [1, 3],
            ExpertWidth = 16,
            ContextDModels = [16],
            HeadlineHeadWidth = 32,
            HeadlineDModel = 32,
            ObservationSize = 4,
            LatentDim = 4,
            ActionSize = 2,
            History = 4,
            Recursion = 2,
            HeadSamples = 20,
            ContextSamples = 3,
            WarmUp = 10,
        };

        ModelBenchmarkReport report = ModelBenchmarks.Run(options);

        Assert.Equal([16, 32], report.HeadByWidth.Select(p => p.Value));
        Assert.Equal([1, 3], report.HeadByExperts.Select(p => p.Value));
        Assert.True(report.HeadByWidth[1].Parameters > report.HeadByWidth[0].Parameters);
        Assert.Single(report.ContextByDModel);
        Assert.Equal(20, report.HeadByWidth[0].Latency.Samples);
        Assert.Equal(3, report.Headline.DenseTick.Samples);
        Assert.True(report.Headline.DenseMaxRateHz > 0);
        Assert.Equal(1e6 / (report.Headline.HeadTick.P99Us * 1.5), report.Headline.MultirateMaxRateHz, 6);
        Assert.Contains("1 / (p99 x 1.5)", report.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSamples_HundredSamples_UsesNearestRank()
    {
        LatencyStats stats = LatencyStats.FromSamples(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray());
        Assert.Equal(50, stats.P50Us);
        Assert.Equal(99, stats.P99Us);
        Assert.Equal(100, stats.MaxUs);
    }
}
