using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class MultiRateExecutorTimingTests
{
    [Fact]
    public void Run_VirtualTime_TicksAtExactIntegerTimes()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        var summary = h.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(2000, h.Sink.Actions.Count);
        for (int k = 0; k < h.Sink.Actions.Count; k++)
        {
            Assert.Equal(k, h.Sink.Actions[k].Tick);
            Assert.Equal(k * 1_000_000L, h.Sink.Actions[k].TimeNs);
        }

        Assert.Equal([0L, 1L], h.Planner.Calls.Select(c => c.Tick));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), h.Context.Calls.Select(c => c.Tick));
        Assert.Equal(2000, summary.Clocks.Single(c => c.Name == "head").Ticks);
        Assert.Equal(20, summary.Clocks.Single(c => c.Name == "context").Ticks);
        Assert.Equal(2, summary.Clocks.Single(c => c.Name == "planner").Ticks);
    }

    [Fact]
    public void Run_CoincidentTicks_ObserveThenSlowUpdatesSlowestFirstThenAct()
    {
        var trace = new TraceLog();
        using var h = new Harness(TestProfiles.ThreeLevel(), trace: trace);
        h.Run(TimeSpan.FromMilliseconds(3));

        var atZero = trace.Entries.Where(e => e.TimeNs == 0).Select(e => e.What).ToList();
        Assert.Equal(["observe", "planner.update", "context.update", "act"], atZero);
        var atOne = trace.Entries.Where(e => e.TimeNs == 1_000_000).Select(e => e.What).ToList();
        Assert.Equal(["observe", "act"], atOne);
    }

    [Fact]
    public void Run_DeterministicHandoff_PublishesAtNextSlowBoundary()
    {
        // Context latency 40 ms: the snapshot of tick 0 is ready at 40 ms but published at 100 ms.
        using var h = new Harness(TestProfiles.ThreeLevel(HandoffMode.Deterministic));
        h.Run(TimeSpan.FromMilliseconds(250));

        var actions = h.Sink.Actions;
        Assert.All(actions.Where(a => a.Tick < 100), a => Assert.Equal(0f, a.Action[1]));
        Assert.All(actions.Where(a => a.Tick is >= 100 and < 200), a => Assert.Equal(0f, a.Action[1])); // latent of context tick 0 carries tick index 0
        Assert.Equal(ActionKind.Degraded, actions[99].Kind);
        Assert.Equal(ActionKind.Model, actions[100].Kind);
        Assert.All(actions.Where(a => a.Tick >= 200), a => Assert.Equal(1f, a.Action[1]));
    }

    [Fact]
    public void Run_LatestHandoff_PublishesWhenReady()
    {
        using var h = new Harness(TestProfiles.ThreeLevel(HandoffMode.Latest));
        h.Run(TimeSpan.FromMilliseconds(250));

        var actions = h.Sink.Actions;
        Assert.Equal(ActionKind.Degraded, actions[39].Kind);
        Assert.Equal(ActionKind.Model, actions[40].Kind);
        Assert.Equal(1f, actions[140].Action[1]);
        Assert.Equal(0f, actions[139].Action[1]);
    }

    [Fact]
    public void Run_SlowModule_ReceivesRequestedHistoryWindow()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Run(TimeSpan.FromMilliseconds(250));

        // Context tick 2 at t = 200 ms sees the last 4 observations of field 0 (time in s), oldest first.
        float[] window = h.Context.Calls.Single(c => c.Tick == 2).History;
        Assert.Equal([0.197f, 0.198f, 0.199f, 0.200f], window);
        // The planner's deterministic snapshot of tick 0 (ready at 300 ms) is not visible yet.
        Assert.All(h.Context.Calls, c => Assert.Null(c.UpstreamVersion));
    }

    [Fact]
    public void Run_ThreeLevels_ContextSeesPlannerLatentAfterPlannerBoundary()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Run(TimeSpan.FromMilliseconds(1_101));

        Assert.Null(h.Context.Calls.Single(c => c.Tick == 9).UpstreamVersion);
        Assert.Equal(1, h.Context.Calls.Single(c => c.Tick == 10).UpstreamVersion);
    }
}
