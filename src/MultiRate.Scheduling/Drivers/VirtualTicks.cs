using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using MultiRate.Core.Timing;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// <see cref="ITickScheduler"/> work on a <see cref="VirtualNsScheduler"/>: one queue item per tick, the
/// next booked from the tick index after the work has run; a wake past the next deadline runs the latest tick due and skips the whole periods before it.
/// </summary>
internal sealed class VirtualTicks(VirtualNsScheduler scheduler, Action<long> work, long firstDueNs, long periodNs, Func<long, long>? latenessNs)
    : IDisposable
{
    private DeadlineBook _book = new(firstDueNs, 0, periodNs);
    private IDisposable? _item;
    private bool _cancelled;

    public void Start() => ScheduleBooked();

    public void Dispose()
    {
        _cancelled = true;
        _item?.Dispose();
    }

    private void ScheduleBooked()
    {
        long due = _book.Deadline + Math.Max(0, latenessNs?.Invoke(_book.Index) ?? 0);
        _item = scheduler.ScheduleAbsolute(this, Math.Max(due, scheduler.Clock), static (_, self) => self.Run());
    }

    private IDisposable Run()
    {
        if (_cancelled)
        {
            return Disposable.Empty;
        }

        // As on the real-time scheduler: a wake past the next deadline runs the latest tick due.
        long booked = _book.Index;
        long tick = _book.BookNext(scheduler.Clock) > 0 ? _book.Index - 1 : booked;
        work(tick);
        if (!_cancelled)
        {
            _book.CatchUp(scheduler.Clock);
            ScheduleBooked();
        }

        return Disposable.Empty;
    }
}
