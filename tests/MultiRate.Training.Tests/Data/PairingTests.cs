using MultiRate.Core.Rates;
using MultiRate.Training.Data;
using MultiRate.Training.Fitting;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Tests.Data;

public class PairingTests
{
    // 100 Hz head, 10 Hz context, 50 ms latency, deterministic: slow tick j visible from tick 10(j+1).
    private static readonly ScheduleTimeline Timeline = ScheduleSimulator.Simulate(
        new ScheduleSpec(10_000_000, 0, 1, 0, 10, 50_000_000, HandoffMode.Deterministic, 10), 40);

    [Fact]
    public void Build_MultiRate_WindowOfTheVisibleSlowTickAndItsAge()
    {
        Pairing p = Pairing.Build(Timeline, TrainingMode.MultiRate);

        Assert.Equal(-1, p.RowEnd[9]);
        Assert.Equal((float)(90_000_001 / 1e9), p.AgeSeconds[9]); // no latent yet: now + 1 ns, as the runtime reports
        Assert.Equal(1, p.RowEnd[10]); // slow tick 0 saw one row (tick 0's)
        Assert.Equal(0.1f, p.AgeSeconds[10]);
        Assert.Equal(11, p.RowEnd[25]); // slow tick 1 at tick 10 saw rows 0..10
        Assert.Equal(0.15f, p.AgeSeconds[25]);
    }

    [Fact]
    public void Build_Naive_FreshWindowEndingAtTheTickItself()
    {
        Pairing p = Pairing.Build(Timeline, TrainingMode.Naive);

        Assert.Equal(Enumerable.Range(1, 40), p.RowEnd);
        Assert.All(p.AgeSeconds, a => Assert.Equal(0f, a));
    }

    [Fact]
    public void Build_NoContext_NoWindowAnywhere()
    {
        Pairing p = Pairing.Build(Timeline, TrainingMode.NoContext);

        Assert.All(p.RowEnd, r => Assert.Equal(-1, r));
    }

    [Fact]
    public void Build_ExtraStaleness_OnlyOlderLatentsWithMatchingAges()
    {
        Pairing nominal = Pairing.Build(Timeline, TrainingMode.MultiRate);
        Pairing stale = Pairing.Build(Timeline, TrainingMode.MultiRate, extraStaleTicks: 2, new Random(1));

        for (int i = 0; i < 40; i++)
        {
            Assert.True(stale.RowEnd[i] <= nominal.RowEnd[i]);
            if (nominal.RowEnd[i] > 0)
            {
                int older = (nominal.RowEnd[i] - stale.RowEnd[i]) / 10; // slow ticks back
                Assert.InRange(older, 0, 2);
                Assert.Equal(nominal.AgeSeconds[i] + (older * 0.1f), stale.AgeSeconds[i], 1e-6f);
            }
        }

        Assert.Contains(Enumerable.Range(0, 40), i => stale.RowEnd[i] < nominal.RowEnd[i]);
    }
}
