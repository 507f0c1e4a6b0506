using MultiRate.Core.Timing;

namespace MultiRate.Scheduling.RealTime;

/// <summary>
/// A periodic entry: re-queues itself at the next booked deadline without allocating.
/// The next deadline is booked before the work runs; after an overrun whole periods are skipped.
/// </summary>
/// <remarks>
/// The work receives the index of the tick it runs for, from the deadline book: the booked one, or after
/// a wake later than the next deadline the latest one due (the whole periods before it are skipped and
/// counted). Nothing downstream rebuilds it from a clock reading. Subclasses differ only in what they call.
/// </remarks>
internal abstract class BookedWork : ScheduledWork
{
    private DeadlineBook _book;

    protected BookedWork(long firstDueNs, long periodNs)
    {
        _book = new DeadlineBook(firstDueNs, 0, periodNs);
        DueNs = firstDueNs;
    }

    public sealed override bool IsPeriodic => true;

    public long Skipped => _book.Skipped;

    public sealed override bool Invoke(RealTimeScheduler scheduler)
    {
        long skippedBefore = _book.Skipped;
        long booked = _book.Index;

        // On a wake later than the next deadline the book skips whole periods: the work is then for the
        // latest tick due, not for a deadline long past (the ticks before it are the ones skipped).
        long tick = _book.BookNext(NativeClock.MonotonicNs()) > 0 ? _book.Index - 1 : booked;
        try
        {
            Run(tick);
        }
        finally
        {
            // Even when the work threw, the next deadline is booked from the tick index.
            _book.CatchUp(NativeClock.MonotonicNs());
            scheduler.CountSkipped(_book.Skipped - skippedBefore);
            DueNs = _book.Deadline;
        }

        return true;
    }

    /// <summary>The work of booked tick <paramref name="tick"/>.</summary>
    protected abstract void Run(long tick);
}
