using MultiRate.Core.Rates;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class MultiRateExecutorDeterminismTests
{
    private static string Hash(HandoffMode mode, int jitterSeed, long maxJitterNs)
    {
        using var h = new Harness(TestProfiles.ThreeLevel(mode), new JitterCostModel(jitterSeed, maxJitterNs));
        return h.Run(TimeSpan.FromSeconds(3)).ActionsSha256;
    }

    [Fact]
    public void Run_DeterministicMode_SameActionsAcrossRuns()
    {
        Assert.Equal(Hash(HandoffMode.Deterministic, 1, 1), Hash(HandoffMode.Deterministic, 1, 1));
    }

    [Fact]
    public void Run_DeterministicMode_SameActionsUnderComputeJitter()
    {
        // Jitter up to 50 ms on a 40 ms declared latency: every update still finishes inside its 100 ms period.
        string reference = Hash(HandoffMode.Deterministic, 1, 1);
        Assert.Equal(reference, Hash(HandoffMode.Deterministic, 2, 50_000_000));
        Assert.Equal(reference, Hash(HandoffMode.Deterministic, 3, 50_000_000));
    }

    [Fact]
    public void Run_LatestMode_ActionsDependOnJitter()
    {
        // The control for the test above: in latest mode the same jitter changes what the head sees.
        Assert.NotEqual(Hash(HandoffMode.Latest, 2, 50_000_000), Hash(HandoffMode.Latest, 3, 50_000_000));
    }
}
