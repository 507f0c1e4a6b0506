using MultiRate.Cli.Dashboard;
using Spectre.Console;

namespace MultiRate.Cli.Tests.Dashboard;

public class LiveDashboardTests
{
    [Fact]
    public void RunLoop_WakingEvery30MsFor10s_DrawsAtMost4FramesASecond()
    {
        var time = new ManualTime();
        using var dashboard = new LiveDashboard(Consoles.Plain(new StringWriter()), DashboardMode.Live, "run", null, null, time);
        var gate = new RefreshGate(LiveDashboard.LiveInterval, time, openAtStart: true);
        var frames = new List<double>();
        long start = time.GetTimestamp();

        // An impatient waiter: wakes every 30 ms whatever it was asked, until 10 s have passed.
        bool Wait(TimeSpan _)
        {
            time.Advance(TimeSpan.FromMilliseconds(30));
            return time.GetElapsedTime(start) >= TimeSpan.FromSeconds(10);
        }

        dashboard.RunLoop(gate, Wait, () => Snapshots.Sample(), _ => frames.Add(time.GetElapsedTime(start).TotalSeconds), finalFrame: false);

        // 4 a second at most; waking on a 30 ms grid makes each gap 270 ms, so 37 in 10 s.
        Assert.InRange(frames.Count, 36, 40);
        Assert.All(frames.Zip(frames.Skip(1)), p => Assert.True(p.Second - p.First >= 0.25 - 1e-9, $"{p.First} -> {p.Second}"));
        Assert.Equal(frames.Count, dashboard.Frames);
    }

    [Fact]
    public void RunLoop_StopWithFinalFrame_DrawsTheFinalStateOnce()
    {
        var time = new ManualTime();
        using var dashboard = new LiveDashboard(Consoles.Plain(new StringWriter()), DashboardMode.Live, "run", null, null, time);
        var gate = new RefreshGate(LiveDashboard.LiveInterval, time, openAtStart: true);
        var shown = new List<long>();
        long done = 0;

        bool Wait(TimeSpan t)
        {
            time.Advance(t > TimeSpan.Zero ? t : TimeSpan.FromMilliseconds(1));
            done += 100;
            return done >= 300;
        }

        dashboard.RunLoop(gate, Wait, () => Snapshots.Sample() with { BaseTicksDone = done }, s => shown.Add(s.BaseTicksDone), finalFrame: true);

        Assert.Equal([100L, 200L, 300L], shown);
    }

    [Fact]
    public void Start_ModeOff_NoThreadAndNothingWritten()
    {
        var output = new StringWriter();
        using var dashboard = new LiveDashboard(Consoles.Plain(output), DashboardMode.Off, "run", null, null);

        dashboard.Start(null!);
        dashboard.Stop();

        Assert.Equal(0, dashboard.Frames);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Choose_RedirectedConsole_PlainUnlessJsonOrNoDashboard()
    {
        IAnsiConsole console = Consoles.Plain(new StringWriter());

        Assert.Equal(DashboardMode.Plain, DashboardModes.Choose(json: false, noDashboard: false, console));
        Assert.Equal(DashboardMode.Off, DashboardModes.Choose(json: true, noDashboard: false, console));
        Assert.Equal(DashboardMode.Off, DashboardModes.Choose(json: false, noDashboard: true, console));
    }
}
