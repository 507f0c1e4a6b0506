using MultiRate.Recording;

namespace MultiRate.Recording.Tests;

public class ChunkTimerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Due_NothingWritten_NeverDueHoweverLongItWaits()
    {
        var time = new ManualTime();
        var timer = new ChunkTimer(time, Interval);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(timer.Due());
        Assert.Equal(0, timer.Closed);
    }

    [Fact]
    public void Due_WrittenBeforeIntervalEnds_NotDueUntilItEnds()
    {
        var time = new ManualTime();
        var timer = new ChunkTimer(time, Interval);
        timer.Written();

        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(timer.Due());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(timer.Due());
        Assert.Equal(1, timer.Closed);
    }

    [Fact]
    public void Due_AfterAClose_IntervalRestartsAndNeedsNewData()
    {
        var time = new ManualTime();
        var timer = new ChunkTimer(time, Interval);
        timer.Written();
        time.Advance(Interval);
        Assert.True(timer.Due());

        time.Advance(Interval);
        Assert.False(timer.Due()); // nothing new since the close
        timer.Written();
        Assert.True(timer.Due()); // the interval since the last close has already passed
        timer.Written();
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(timer.Due());
        Assert.Equal(2, timer.Closed);
    }
}
