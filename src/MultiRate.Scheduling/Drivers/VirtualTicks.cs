using System.Reactive.Concurrency;
using MultiRate.Core.Timing;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// <see cref="ITickScheduler"/> work on a <see cref="VirtualNsScheduler"/>: a tick line, not a queue item.
/// The scheduler keeps it beside its queue and hands it out from <c>GetNext</c> when its wake is the
/// earliest; a wake past the next deadline runs the latest tick due and skips the whole periods before it.
/// </summary>
/// <remarks>
/// One object per line for the whole run: a tick books nothing on the queue and allocates nothing.
/// <see cref="Sequence"/> is the order the line was last booked in, so two lines waking at the same
/// time run in booking order, as two queue items would. Single-threaded: the scheduler's thread.
/// </remarks>
internal sealed class VirtualTicks(VirtualNsScheduler scheduler, Action<long> work, long firstDueNs, long periodNs, Func<long, long>? latenessNs)
    : IScheduledItem<long>, IDisposable
{
    private DeadlineBook _book = new(firstDueNs, 0, periodNs);
    private bool _cancelled;

    /// <summary>When the booked tick wakes, scheduler ns.</summary>
    public long DueTime { get; private set; }

    /// <summary>Booking order among the scheduler's lines (ties at one wake time run lowest first).</summary>
    public long Sequence { get; private set; }

    public void Start()
    {
        Book();
        scheduler.AddLine(this);
    }

    /// <summary>Runs the tick due now (the scheduler's clock is at <see cref="DueTime"/>) and books the next.</summary>
    public void Invoke()
    {
        if (_cancelled)
        {
            return;
        }

        // As on the real-time scheduler: a wake past the next deadline runs the latest tick due.
        long booked = _book.Index;
        long tick = _book.BookNext(scheduler.Clock) > 0 ? _book.Index - 1 : booked;
        work(tick);
        if (!_cancelled)
        {
            _book.CatchUp(scheduler.Clock);
            Book();
        }
    }

    public void Dispose()
    {
        if (!_cancelled)
        {
            _cancelled = true;
            scheduler.RemoveLine(this);
        }
    }

    private void Book()
    {
        DueTime = Math.Max(_book.Deadline + Math.Max(0, latenessNs?.Invoke(_book.Index) ?? 0), scheduler.Clock);
        Sequence = scheduler.NextLineSequence();
    }
}
