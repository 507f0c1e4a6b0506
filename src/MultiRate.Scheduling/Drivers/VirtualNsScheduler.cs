using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Rx's virtual-time scheduler on integer nanoseconds: the clock reads the log's timestamps (or any
/// start), never a wall clock. Offers <see cref="INanosecondClock"/> and <see cref="ITickScheduler"/>
/// through <see cref="IServiceProvider.GetService"/>.
/// </summary>
/// <remarks>
/// Two kinds of work: Rx's queue (anything scheduled through <see cref="IScheduler"/>: the slow
/// runners' virtual delays and timeouts, Rx operators) and tick lines (<see cref="ScheduleTicks(long, long, Action{long})"/>:
/// the base ticks, the stop ramp, the deadline watchdog), which are not queue items: one object per
/// line, re-armed in place, so a tick allocates nothing. The next work is the earliest of both, with
/// the schedule calendar's tie rule written here rather than left to booking order:
/// <code>
///   queued work due at or before a tick's wake   runs before that tick
///       (a completion due at base tick t, booked by an earlier tick, is seen by tick t)
///   queued work booked by tick t for time t      runs after tick t (the line's next wake is later)
///   two lines waking at the same time            the one booked first runs first
/// </code>
/// The queue itself is Rx's (stable: equal due times run in scheduling order). Time is exact
/// nanoseconds (no 100 ns truncation of periods); <see cref="IScheduler.Now"/> is <c>UnixEpoch + ns</c>.
/// Single-threaded: whoever calls <c>AdvanceTo</c> or <see cref="AdvanceUntil"/> runs the work.
/// </remarks>
public sealed class VirtualNsScheduler : VirtualTimeScheduler<long, long>, INanosecondClock, ITickScheduler
{
    private readonly List<VirtualTicks> _lines = [];
    private long _lineSequence;

    /// <summary>Creates the scheduler with its clock at <paramref name="startNs"/>.</summary>
    public VirtualNsScheduler(long startNs = 0)
        : base(startNs, Comparer<long>.Default)
    {
    }

    /// <inheritdoc />
    public long NowNs => Clock;

    /// <inheritdoc />
    /// <remarks>A tick line beside the queue (see the class remarks): each run books the next deadline after the work has run.</remarks>
    public IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick) => ScheduleTicks(firstDueNs, periodNs, tick, null);

    /// <summary>
    /// <see cref="ScheduleTicks(long, long, Action{long})"/> whose tick k wakes <paramref name="latenessNs"/>(k)
    /// late: a real-time clock's late wake-ups, modelled exactly (a wake past the next deadline skips whole periods).
    /// </summary>
    internal IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick, Func<long, long>? latenessNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(periodNs, 0);
        ArgumentNullException.ThrowIfNull(tick);
        var ticks = new VirtualTicks(this, tick, firstDueNs, periodNs, latenessNs);
        ticks.Start();
        return ticks;
    }

    /// <summary>
    /// As <see cref="VirtualTimeSchedulerBase{TAbsolute, TRelative}.AdvanceTo"/>, but ends as soon as
    /// <paramref name="done"/> is set or <paramref name="cancellation"/> is cancelled, with the clock at the
    /// time of the last work that ran (AdvanceTo would move the clock on to <paramref name="timeNs"/> even
    /// when stopped). Otherwise the clock ends at <paramref name="timeNs"/>.
    /// </summary>
    /// <remarks>
    /// The token is read before each tick of a line (one volatile read, no allocation), so a cancelled
    /// replay ends between two base ticks, however many remain, and queued work is never cut in half.
    /// </remarks>
    internal void AdvanceUntil(long timeNs, ManualResetEventSlim done, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeNs, Clock);
        while (!done.IsSet)
        {
            IScheduledItem<long>? next = GetNext();
            if (next is null || next.DueTime > timeNs)
            {
                Clock = timeNs;
                return;
            }

            if (next is VirtualTicks && cancellation.IsCancellationRequested)
            {
                return;
            }

            if (next.DueTime > Clock)
            {
                Clock = next.DueTime;
            }

            next.Invoke();
        }
    }

    /// <summary>The earliest work: the queue's head, or the tick line waking first when it wakes strictly earlier (the tie rule above).</summary>
    protected override IScheduledItem<long>? GetNext()
    {
        IScheduledItem<long>? queued = base.GetNext();
        VirtualTicks? line = null;
        foreach (VirtualTicks candidate in _lines)
        {
            if (line is null || candidate.DueTime < line.DueTime || (candidate.DueTime == line.DueTime && candidate.Sequence < line.Sequence))
            {
                line = candidate;
            }
        }

        return line is not null && (queued is null || line.DueTime < queued.DueTime) ? line : queued;
    }

    /// <summary>Adds a started line.</summary>
    internal void AddLine(VirtualTicks line) => _lines.Add(line);

    /// <summary>Removes a disposed line (it runs no more).</summary>
    internal void RemoveLine(VirtualTicks line) => _lines.Remove(line);

    /// <summary>The next booking number of a line (ties between lines run in booking order).</summary>
    internal long NextLineSequence() => ++_lineSequence;

    /// <inheritdoc />
    protected override long Add(long absolute, long relative) => absolute + relative;

    /// <inheritdoc />
    protected override DateTimeOffset ToDateTimeOffset(long absolute) => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(absolute / 100);

    /// <inheritdoc />
    protected override long ToRelative(TimeSpan timeSpan) => timeSpan.Ticks * 100;

    /// <inheritdoc />
    protected override object? GetService(Type serviceType) =>
        serviceType == typeof(INanosecondClock) || serviceType == typeof(ITickScheduler) ? this : base.GetService(serviceType);
}
