using System.Reactive.Concurrency;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.RealTime;

/// <summary>The capabilities the clock drivers ask for (through <see cref="IServiceProvider.GetService"/>) and the clock thread's warm-up.</summary>
public sealed partial class RealTimeScheduler
{
    /// <inheritdoc />
    public long NowNs => NativeClock.MonotonicNs();

    /// <inheritdoc />
    /// <remarks>Deadlines are monotonic nanoseconds (<see cref="NowNs"/>), so several schedulers can share one tick 0.</remarks>
    public IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(periodNs, 0);
        ArgumentNullException.ThrowIfNull(tick);
        return Enqueue(new TickWork(tick, firstDueNs, periodNs));
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType) =>
        serviceType == typeof(ISchedulerPeriodic) || serviceType == typeof(IStopwatchProvider)
            || serviceType == typeof(INanosecondClock) || serviceType == typeof(ITickScheduler)
            || serviceType == typeof(IClockThreadWarmUp)
            ? this
            : null;

    /// <summary>
    /// Compiles the periodic path (a work item's run, the deadline book's booking and catch-up after an
    /// overrun) on the calling thread without touching this scheduler's queue or counters. Called from the
    /// real-time start-up on the clock thread: otherwise tick 0 compiled it there and started late.
    /// </summary>
    void IClockThreadWarmUp.PreparePeriodicPath()
    {
        const long PeriodNs = 1_000_000;
        long now = NativeClock.MonotonicNs();
        var book = new Core.Timing.DeadlineBook(now - (10 * PeriodNs), 0, PeriodNs);
        book.BookNext(now);
        book.CatchUp(now);
        _ = book.Skipped + book.Index + book.Deadline;
        NativeClock.SleepUntil(now); // already past: returns at once

        // Due an hour ahead with an hourly period: runs the work once and books the next deadline without
        // skipping (and counting) anything, however long this thread is preempted meanwhile.
        const long HourNs = 3_600_000_000_000;
        var work = new PeriodicWork<long>(0, static n => n + 1, now + HourNs, HourNs);
        _ = work.Invoke(this) && work.IsPeriodic && work.Skipped == 0;
        var ticks = new TickWork(static _ => { }, now + HourNs, HourNs);
        _ = ticks.Invoke(this) && ticks.Skipped == 0;

        // The queue's sift paths on a throwaway queue of the same types: a stop ramp's tick line queued
        // beside the run's own made the first dequeue with two items sift down on the clock thread.
        var queue = new PriorityQueue<ScheduledWork, (long Due, long Seq)>(4);
        for (long i = 4; i > 0; i--)
        {
            queue.Enqueue(ticks, (i, i));
        }

        while (queue.TryPeek(out _, out _))
        {
            queue.Dequeue();
        }
    }
}
