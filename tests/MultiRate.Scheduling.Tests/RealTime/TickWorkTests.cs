using MultiRate.Scheduling.RealTime;

namespace MultiRate.Scheduling.Tests.RealTime;

/// <summary>The booked index a real-time tick is handed; hour-long periods make "late" exact whatever the machine's load.</summary>
public class TickWorkTests
{
    private const long HourNs = 3_600_000_000_000;

    [Fact]
    public void Invoke_OnTime_HandsTheBookedIndexAndBooksTheNext()
    {
        using var scheduler = new RealTimeScheduler();
        var handed = new List<long>();
        long now = NativeClock.MonotonicNs();
        var work = new TickWork(handed.Add, now - (HourNs / 2), HourNs);

        work.Invoke(scheduler);

        Assert.Equal([0L], handed);
        Assert.Equal(now + (HourNs / 2), work.DueNs);
        Assert.Equal(0, scheduler.SkippedPeriods);
    }

    [Fact]
    public void Invoke_WakeLaterThanTheNextDeadline_HandsTheLatestTickDueAndCountsTheSkipped()
    {
        using var scheduler = new RealTimeScheduler();
        var handed = new List<long>();
        long now = NativeClock.MonotonicNs();

        // Deadlines at -2.5 h, -1.5 h, -0.5 h and +0.5 h: tick 2 is the latest due, 0 and 1 are skipped.
        var work = new TickWork(handed.Add, now - (5 * HourNs / 2), HourNs);
        work.Invoke(scheduler);

        Assert.Equal([2L], handed);
        Assert.Equal(now + (HourNs / 2), work.DueNs);
        Assert.Equal(2, scheduler.SkippedPeriods);
    }
}
