using MultiRate.Bench.Remote;
using MultiRate.Runtime.Running;
using Xunit;

namespace MultiRate.Bench.Tests.Remote;

public sealed class RemoteBenchTests
{
    [Fact]
    public async Task MeasureAsync_RoundTripsOnly_BothSidesMeasuredWithoutFailures()
    {
        RunPlan plan = RunPlan.Load(Path.Combine(RepoRoot.Path, "rates/default.yaml"), Path.Combine(RepoRoot.Path, "configs/default.yaml"));

        IReadOnlyList<RemoteBenchResult> results = await RemoteBench.MeasureAsync(plan, updates: 20, runSeconds: 0);

        Assert.Equal(["in-process", "loopback"], results.Select(r => r.Side));
        Assert.All(results, r =>
        {
            Assert.True(r.RoundTripP50Us > 0 && r.RoundTripP99Us >= r.RoundTripP50Us);
            Assert.Equal(0, r.ContextFailures);
            Assert.True(double.IsNaN(r.LatentAgeP50Ms)); // no run asked for
        });
    }
}
