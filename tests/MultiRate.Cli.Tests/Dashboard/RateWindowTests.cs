using MultiRate.Cli.Dashboard;

namespace MultiRate.Cli.Tests.Dashboard;

public class RateWindowTests
{
    [Fact]
    public void Add_OneHertzClockSampledFourTimesASecond_ShowsOnePointZeroEveryFrame()
    {
        var time = new ManualTime();
        var window = new RateWindow(time);
        var shown = new List<double>();

        // 10 s of frames every 250 ms; the 1 Hz clock ticks at 0, 1, 2, ... s, the 10 Hz one every 100 ms.
        for (int frame = 0; frame <= 40; frame++)
        {
            long ms = frame * 250L;
            double[] hz = window.Add(time.GetTimestamp(), [1, 10], [(ms / 1000) + 1, (ms / 100) + 1], [0, 0]);
            shown.Add(hz[0]);
            Assert.Equal(10.0, hz[1]);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.All(shown, hz => Assert.Equal(1.0, hz));
    }

    [Fact]
    public void Add_ClockSkippingEveryOtherPeriodForTheLastWindow_ShowsHalfItsRate()
    {
        var time = new ManualTime();
        var window = new RateWindow(time);
        long ticks = 0;
        long skipped = 0;
        double last = 0;

        // 4 s at 100 Hz: the first 2 s run every period, the last 2 s every other one.
        for (int frame = 0; frame <= 16; frame++)
        {
            last = window.Add(time.GetTimestamp(), [100], [ticks], [skipped])[0];
            ticks += frame < 8 ? 25 : 13;
            skipped += frame < 8 ? 0 : 12;
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        // The window is the last 2 s (8 frames): 104 ticks and 96 skipped periods.
        Assert.Equal(100.0 * 104 / 200, last, 9);
    }

    [Fact]
    public void Add_NoPeriodInTheWindowYet_RateOverTheRunSoFar()
    {
        var time = new ManualTime();
        var window = new RateWindow(time);

        double first = window.Add(time.GetTimestamp(), [1], [0], [0])[0];
        time.Advance(TimeSpan.FromMilliseconds(250));
        double second = window.Add(time.GetTimestamp(), [1], [1], [0])[0];
        time.Advance(TimeSpan.FromMilliseconds(250));
        double third = window.Add(time.GetTimestamp(), [1], [1], [0])[0];

        Assert.Equal(0.0, first);
        Assert.Equal(1.0, second);
        Assert.Equal(1.0, third);
    }
}
