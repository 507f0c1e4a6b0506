using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Rx's virtual-time scheduler on integer nanoseconds: the clock reads the log's timestamps (or any
/// start), never a wall clock. Offers <see cref="INanosecondClock"/> and <see cref="ITickScheduler"/>
/// through <see cref="IServiceProvider.GetService"/>.
/// </summary>
/// <remarks>
/// Same queue as Rx's HistoricalScheduler (stable: equal due times run in scheduling order), so a
/// replay orders coincident work exactly as before; only the unit differs (ns instead of 100 ns ticks,
/// which truncated periods that are not a multiple of 100 ns). <see cref="IScheduler.Now"/> is
/// <c>UnixEpoch + ns</c>. Single-threaded: whoever calls <c>AdvanceTo</c> runs the work.
/// </remarks>
public sealed class VirtualNsScheduler : VirtualTimeScheduler<long, long>, INanosecondClock, ITickScheduler
{
    /// <summary>Creates the scheduler with its clock at <paramref name="startNs"/>.</summary>
    public VirtualNsScheduler(long startNs = 0)
        : base(startNs, Comparer<long>.Default)
    {
    }

    /// <inheritdoc />
    public long NowNs => Clock;

    /// <inheritdoc />
    /// <remarks>Each run books the next deadline after the work has run, as Rx's own periodic emulation does.</remarks>
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
    /// <paramref name="done"/> is set, with the clock at the time of the work that set it (AdvanceTo
    /// would move the clock on to <paramref name="timeNs"/> even when stopped). Otherwise the clock ends at <paramref name="timeNs"/>.
    /// </summary>
    internal void AdvanceUntil(long timeNs, ManualResetEventSlim done)
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

            if (next.DueTime > Clock)
            {
                Clock = next.DueTime;
            }

            next.Invoke();
        }
    }

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
