using MultiRate.Core.Rates;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class FractionalLatencyTests
{
    [Theory]
    [InlineData(2_500, 3)]
    [InlineData(2_000, 2)]
    [InlineData(2_001, 3)]
    [InlineData(999, 1)]
    public void Run_LatestHandoff_LatentVisibleFromFirstTickAtOrAfterReady(long latencyUs, long firstTick)
    {
        var observer = new CollectingObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(mode: HandoffMode.Latest, contextLatencyUs: latencyUs), observers: [observer]);
        h.Run(TimeSpan.FromMilliseconds(20));

        Assert.Equal(firstTick, observer.Fast.First(f => f.LatentVersion > 0).Tick);
        Assert.Equal(latencyUs * 1000, observer.Latents.First(l => l.Clock == "context").PublishedNs);
    }
}
