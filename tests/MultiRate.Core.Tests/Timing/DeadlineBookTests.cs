using MultiRate.Core.Timing;

namespace MultiRate.Core.Tests.Timing;

public class DeadlineBookTests
{
    [Fact]
    public void BookNext_OnTime_BooksNextPeriod()
    {
        var book = new DeadlineBook(t0: 1_000, offset: 0, period: 100);
        Assert.Equal(1_000, book.Deadline);
        Assert.Equal(0, book.BookNext(now: 1_005));
        Assert.Equal(1_100, book.Deadline);
        Assert.Equal(0, book.CatchUp(now: 1_050));
        Assert.Equal(1_100, book.Deadline);
    }

    [Fact]
    public void CatchUp_AfterOverrun_SkipsWholePeriodsAndCounts()
    {
        var book = new DeadlineBook(0, 0, 100);
        book.BookNext(now: 0);           // booked tick 1 at 100
        long skipped = book.CatchUp(now: 350); // work ran to 350: ticks 1, 2, 3 are past
        Assert.Equal(3, skipped);
        Assert.Equal(4, book.Index);
        Assert.Equal(400, book.Deadline);
        Assert.Equal(3, book.Skipped);
    }

    [Fact]
    public void CatchUp_ExactlyOnDeadline_DoesNotSkip()
    {
        var book = new DeadlineBook(0, 0, 100);
        book.BookNext(0);
        Assert.Equal(0, book.CatchUp(100));
        Assert.Equal(100, book.Deadline);
    }

    [Fact]
    public void BookNext_LateWake_SkipsPastDeadlines()
    {
        var book = new DeadlineBook(0, 50, 100);
        Assert.Equal(2, book.BookNext(now: 320)); // ticks 1 (150) and 2 (250) are past; 350 is next
        Assert.Equal(350, book.Deadline);
    }

    [Fact]
    public void TickTime_LargeIndex_ComputedNotAccumulated()
    {
        long k = 1_000_000_007;
        Assert.Equal(5 + 3 + (k * 1_000_000), ClockTime.TickTime(5, 3, 1_000_000, k));
        Assert.Equal(k, ClockTime.LastTickAtOrBefore(5, 3, 1_000_000, ClockTime.TickTime(5, 3, 1_000_000, k)));
        Assert.Equal(k + 1, ClockTime.FirstTickAtOrAfter(5, 3, 1_000_000, ClockTime.TickTime(5, 3, 1_000_000, k) + 1));
    }
}
