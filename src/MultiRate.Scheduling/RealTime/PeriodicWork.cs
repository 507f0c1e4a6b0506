using MultiRate.Core.Timing;

namespace MultiRate.Scheduling.RealTime;

/// <summary>
/// A periodic entry: re-queues itself at the next booked deadline without allocating.
/// The next deadline is booked before the work runs; after an overrun whole periods are skipped.
/// </summary>
internal sealed class PeriodicWork<TState> : ScheduledWork
{
    public override bool IsPeriodic => true;

    private readonly Func<TState, TState> _action;
    private DeadlineBook _book;
    private TState _state;

    public PeriodicWork(TState state, Func<TState, TState> action, long firstDueNs, long periodNs)
    {
        _state = state;
        _action = action;
        _book = new DeadlineBook(firstDueNs, 0, periodNs);
        DueNs = firstDueNs;
    }

    public long Skipped => _book.Skipped;

    public override bool Invoke(RealTimeScheduler scheduler)
    {
        long skippedBefore = _book.Skipped;
        _book.BookNext(NativeClock.MonotonicNs());
        try
        {
            _state = _action(_state);
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
}
