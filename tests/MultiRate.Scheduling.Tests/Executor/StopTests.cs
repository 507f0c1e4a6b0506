using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Executor;

public class StopTests
{
    [Fact]
    public void Run_CancelledMidRun_SafeActionIsTheLastAndOnePerTick()
    {
        using var cts = new CancellationTokenSource();
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Sink.OnWrite = tick =>
        {
            if (tick == 49)
            {
                cts.Cancel();
            }
        };

        var summary = h.Executor.Run(new VirtualTimeDriver(), TimeSpan.FromSeconds(1), cts.Token);

        // No rate limit in this profile: the ramp to safe is the one next tick.
        Assert.True(summary.StoppedEarly);
        Assert.Equal(51, h.Sink.Actions.Count);
        Assert.Equal(Enumerable.Range(0, 51).Select(i => (long)i), h.Sink.Actions.Select(a => a.Tick));
        Assert.Equal(ActionKind.Safe, h.Sink.Actions[^1].Kind);
        Assert.Equal([0f, 0f], h.Sink.Actions[^1].Action);
        Assert.Equal(50_000_000, h.Sink.Actions[^1].TimeNs);
    }

    [Fact]
    public void Run_NotCancelled_NoExtraAction()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        var summary = h.Run(TimeSpan.FromMilliseconds(50));

        Assert.False(summary.StoppedEarly);
        Assert.Equal(50, h.Sink.Actions.Count);
        Assert.NotEqual(ActionKind.Safe, h.Sink.Actions[^1].Kind);
    }
}
