using MultiRate.Core.Rates;
using MultiRate.Training.Data;
using MultiRate.Training.Fitting;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Tests.Data;

public class PairingTests
{
    // 100 Hz head, 10 Hz context, 50 ms latency, deterministic: slow tick j visible from tick 10(j+1).
    private static readonly ScheduleTimeline Timeline = ScheduleTimeline.Read(Profile(), 10, 40);

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

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Shifted_ByAFewTicks_TakesTheLaterSamplesPairingMovedBackAndNeverReadsAhead(int shift)
    {
        Pairing nominal = Pairing.Build(Timeline, TrainingMode.MultiRate);

        Pairing moved = nominal.Shifted(shift);

        for (int i = 0; i < 40; i++)
        {
            Assert.True(moved.RowEnd[i] <= i + 1, $"sample {i} reads row {moved.RowEnd[i] - 1}");
            bool kept = i + shift >= 40 || (nominal.RowEnd[i + shift] >= 0 && nominal.RowEnd[i + shift] - shift < 1);
            Assert.Equal(kept ? nominal.RowEnd[i] : nominal.RowEnd[i + shift] < 0 ? -1 : nominal.RowEnd[i + shift] - shift, moved.RowEnd[i]);
            Assert.Equal(kept ? nominal.AgeSeconds[i] : nominal.AgeSeconds[i + shift], moved.AgeSeconds[i]);
        }

        Assert.Equal(11 - shift, moved.RowEnd[25 - shift]); // slow tick 1's window, seen 15 ticks after it, now ends 'shift' rows earlier
        Assert.Same(nominal, nominal.Shifted(0));
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

    [Fact]
    public void Build_Chain_EachLevelTheWindowOfTheTickItsReaderRead()
    {
        // planner 5 Hz (latest, 10 ms) -> context 10 Hz (deterministic, 50 ms) -> head 100 Hz.
        RateProfile profile = Profile() with
        {
            Clocks = [.. Profile().Clocks, new ClockDefinition { Name = "planner", RateHz = 5, BudgetUs = 10_000, LatencyUs = 10_000, Module = "planner", History = 3 }],
            Handoffs = [new HandoffDefinition { From = "planner", To = "context", Mode = HandoffMode.Latest }, .. Profile().Handoffs],
        };
        ScheduleTimeline timeline = ScheduleTimeline.Read(profile, 10, 60);

        Pairing p = Pairing.Build(timeline, TrainingMode.MultiRate);

        // Head tick 35 reads context tick 2 (triggered at tick 20), which read planner tick 0 (published at 10 ms).
        Assert.Equal(2, timeline.VisibleSlowTick[35]);
        Assert.Equal([21, 1], p.RowEnds.Select(r => r[35]));
        Assert.Equal(["context", "planner"], timeline.Levels.Select(l => l.Clock));
        Assert.Equal([10, 3], timeline.Levels.Select(l => l.WindowRows));

        // Head tick 15 reads context tick 0, triggered at 0 before the planner had published: no upstream.
        Assert.Equal([1, -1], p.RowEnds.Select(r => r[15]));
    }

    [Fact]
    public void Read_NoHandoffToTheHead_UserErrorNamingTheActionClock()
    {
        RateProfile profile = Profile() with { Handoffs = [] };

        var ex = Assert.Throws<MultiRate.Core.Errors.UserInputException>(() => ScheduleTimeline.Read(profile, 10, 40));

        Assert.Contains("to: head", ex.Message, StringComparison.Ordinal);
    }

    private static RateProfile Profile() => new()
    {
        Name = "pairing",
        BaseTickHz = 100,
        Modules =
        [
            new ModuleDefinition { Name = "context", Kind = ModuleKind.Context },
            new ModuleDefinition { Name = "planner", Kind = ModuleKind.Context },
            new ModuleDefinition { Name = "head", Kind = ModuleKind.ActionHead },
        ],
        Clocks =
        [
            new ClockDefinition { Name = "context", RateHz = 10, BudgetUs = 80_000, Module = "context", History = 10, LatencyUs = 50_000 },
            new ClockDefinition { Name = "head", RateHz = 100, BudgetUs = 5000, Module = "head" },
        ],
        Handoffs = [new HandoffDefinition { From = "context", To = "head", Mode = HandoffMode.Deterministic }],
        Latent = new LatentSpec { AgeLimitMs = 500 },
        Action = new ActionSpec { Dimension = 1, Safe = [0], Min = [-1], Max = [1] },
    };
}
