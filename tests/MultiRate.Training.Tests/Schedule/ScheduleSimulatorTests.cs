using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Training.Data;
using MultiRate.Training.Schedule;
using MultiRate.Training.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Training.Tests.Schedule;

public class ScheduleSimulatorTests
{
    private const long BaseHz = 1000;
    private const long BaseNs = 1_000_000;

    public static TheoryData<HandoffMode, long, long, long, long, long> Cases()
    {
        var data = new TheoryData<HandoffMode, long, long, long, long, long>();
        foreach (HandoffMode mode in new[] { HandoffMode.Deterministic, HandoffMode.Latest })
        {
            // fast Hz, fast offset, slow Hz, slow offset, latency us: ties on ticks, zero, one base tick,
            // between ticks, exactly one slow period, and longer than a period (skipped triggers).
            foreach ((long fHz, long fOff, long sHz, long sOff, long lat) in new[]
            {
                (1000L, 0L, 10L, 0L, 40_000L), (1000, 0, 10, 0, 0), (1000, 0, 10, 0, 1000), (1000, 0, 10, 3, 2000), (1000, 0, 10, 3, 7000),
                (500, 1, 10, 0, 100_000), (500, 0, 100, 2, 10_000), (1000, 0, 10, 0, 150_000), (250, 2, 50, 1, 20_000),
                (1000, 0, 1000, 0, 1000), (1000, 0, 500, 0, 2000), (500, 0, 100, 0, 25_000),
            })
            {
                data.Add(mode, fHz, fOff, sHz, sOff, lat);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulate_AgainstExecutorInVirtualTime_SameLatentEveryTickAndSameWindows(HandoffMode mode, long fastHz, long fastOffset, long slowHz, long slowOffset, long latencyUs)
    {
        RateProfile profile = Profile(mode, fastHz, fastOffset, slowHz, slowOffset, latencyUs, history: 4);
        var head = new LatentRecordingHead();
        var context = new EchoContext(historyLength: 6);
        const long baseTicks = 1200;
        using (var executor = new MultiRateExecutor(profile, head, new Dictionary<string, IContextModule> { ["ctx"] = context }, new TickSensor(BaseNs), null, new ExecutorOptions
        {
            HeadFields = [0],
            ContextFields = [0],
            Recursion = 1,
        }))
        {
            executor.Run(new VirtualTimeDriver(), TimeSpan.FromTicks(baseTicks * BaseNs / 100));
        }

        ScheduleSpec spec = ScheduleSpec.From(profile, context.HistoryLength);
        ScheduleTimeline timeline = ScheduleSimulator.Simulate(spec, baseTicks);

        Assert.Equal(head.Reads.Count, timeline.FastBaseTicks.Length);
        int first = Enumerable.Range(0, head.Reads.Count).FirstOrDefault(i => head.Reads[i].SlowTick != timeline.VisibleSlowTick[i], -1);
        Assert.True(first < 0, $"first difference at action tick {first} (base tick {(first < 0 ? 0 : timeline.FastBaseTicks[first])}): executor read slow tick {(first < 0 ? 0 : head.Reads[first].SlowTick)}, simulation {(first < 0 ? 0 : timeline.VisibleSlowTick[first])}; calls {string.Join(",", context.Calls.Take(4).Select(c => c.Tick))}");
        for (int i = 0; i < head.Reads.Count; i++)
        {
            int j = timeline.VisibleSlowTick[i];
            long ageNs = j < 0 ? timeline.FastTimeNs(i) + 1 : timeline.FastTimeNs(i) - timeline.SlowTimeNs(j);
            Assert.Equal((float)(ageNs / 1e9), head.Reads[i].AgeSeconds);
        }

        // Every started trigger, with its exact window: context rows are the base ticks of the action ticks.
        int[] startedTicks = [.. Enumerable.Range(0, timeline.SlowStarted.Length).Where(j => timeline.SlowStarted[j])];
        Assert.Equal(context.Calls.Select(c => (int)c.Tick), startedTicks);
        float[] rows = [.. timeline.FastBaseTicks.Select(b => (float)b)];
        foreach ((long tick, long timeNs, float[] window) in context.Calls)
        {
            Assert.Equal(timeline.SlowTimeNs((int)tick), timeNs);
            float[] expected = new float[spec.WindowRows];
            ContextWindow.Fill(rows, 1, timeline.SlowRowEnd[(int)tick], spec.WindowRows, spec.WindowRows, expected);
            Assert.Equal(expected, window);
        }
    }

    [Fact]
    public void Simulate_DeterministicPx4Shape_LatentIsOneSlowPeriodBehind()
    {
        // 250 Hz head, 10 Hz context, 50 ms latency: tick j's latent is visible from slow tick j + 1 on.
        var spec = new ScheduleSpec(4_000_000, 0, 1, 0, 25, 50_000_000, HandoffMode.Deterministic, 20);
        ScheduleTimeline t = ScheduleSimulator.Simulate(spec, 100);

        Assert.All(t.VisibleSlowTick.Take(25), v => Assert.Equal(-1, v));
        Assert.All(t.VisibleSlowTick.Skip(25).Take(25), v => Assert.Equal(0, v));
        Assert.All(t.VisibleSlowTick.Skip(50).Take(25), v => Assert.Equal(1, v));
        Assert.Equal([1, 26, 51, 76], t.SlowRowEnd);
    }

    [Fact]
    public void Simulate_LatestWithLatencyBetweenTicks_PublishesAtTheFirstTickAfterReady()
    {
        // Ready at 2.5 ms: visible from the 3 ms tick on.
        var spec = new ScheduleSpec(1_000_000, 0, 1, 0, 10, 2_500_000, HandoffMode.Latest, 4);
        ScheduleTimeline t = ScheduleSimulator.Simulate(spec, 10);

        Assert.Equal([-1, -1, -1, 0, 0, 0, 0, 0, 0, 0], t.VisibleSlowTick);
    }

    [Fact]
    public void From_TwoSlowClocks_UserErrorNamingTheClocks()
    {
        RateProfile one = Profile(HandoffMode.Deterministic, 1000, 0, 10, 0, 1000, history: 4);
        RateProfile two = one with
        {
            Clocks = [.. one.Clocks, new ClockDefinition { Name = "planner", RateHz = 1, BudgetUs = 1, Module = "ctx" }],
        };

        var ex = Assert.Throws<MultiRate.Core.Errors.UserInputException>(() => ScheduleSpec.From(two, 4));

        Assert.Contains("[context, head, planner]", ex.Message, StringComparison.Ordinal);
    }

    internal static RateProfile Profile(HandoffMode mode, long fastHz, long fastOffset, long slowHz, long slowOffset, long latencyUs, int history) => new()
    {
        Name = "pairing",
        BaseTickHz = BaseHz,
        Modules =
        [
            new ModuleDefinition { Name = "ctx", Kind = ModuleKind.Context },
            new ModuleDefinition { Name = "head", Kind = ModuleKind.ActionHead },
        ],
        Clocks =
        [
            new ClockDefinition { Name = "context", RateHz = slowHz, OffsetTicks = slowOffset, BudgetUs = 500, Module = "ctx", History = history, LatencyUs = latencyUs },
            new ClockDefinition { Name = "head", RateHz = fastHz, OffsetTicks = fastOffset, BudgetUs = 100, Module = "head" },
        ],
        Handoffs = [new HandoffDefinition { From = "context", To = "head", Mode = mode }],
        Latent = new LatentSpec { AgeLimitMs = 1e9 },
        Action = new ActionSpec { Dimension = 1, Safe = [0], Min = [-1e6], Max = [1e6] },
    };
}
