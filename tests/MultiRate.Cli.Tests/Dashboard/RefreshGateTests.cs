using MultiRate.Cli.Dashboard;

namespace MultiRate.Cli.Tests.Dashboard;

public class RefreshGateTests
{
    [Fact]
    public void TryEnter_PolledEvery10MsFor2s_AtMost4PerSecond()
    {
        var time = new ManualTime();
        var gate = new RefreshGate(LiveDashboard.LiveInterval, time, openAtStart: true);
        var passed = new List<TimeSpan>();

        for (int ms = 0; ms < 2000; ms += 10)
        {
            if (gate.TryEnter())
            {
                passed.Add(TimeSpan.FromMilliseconds(ms));
            }

            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => TimeSpan.FromMilliseconds(i * 250)), passed);
    }

    [Fact]
    public void TryEnter_ClosedAtStart_FirstPassAfterOneInterval()
    {
        var time = new ManualTime();
        var gate = new RefreshGate(LiveDashboard.PlainInterval, time, openAtStart: false);

        Assert.False(gate.TryEnter());
        Assert.Equal(TimeSpan.FromSeconds(1), gate.UntilOpen());
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(gate.TryEnter());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }
}
