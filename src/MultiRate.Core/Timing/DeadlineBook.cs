namespace MultiRate.Core.Timing;

/// <summary>
/// Books absolute deadlines for one periodic clock and decides what to do after an overrun:
/// skip whole periods (counted) and never run a catch-up burst (ros2_control's rule).
/// </summary>
/// <remarks>
/// Mutable value owned by one thread (the clock's executor thread). No allocation.
/// <code>
///  deadline:   k        k+1       k+2       k+3
///  time:  ----|---------|---------|---------|----
///  work:      [====overrun====]
///                             ^ now: k+1 has passed -> skip it (count 1), book k+2
///  BookNext(wake) runs before the work; CatchUp(now) after it.
/// </code>
/// </remarks>
public struct DeadlineBook
{
    private readonly long _t0;
    private readonly long _offset;
    private readonly long _period;

    /// <summary>Creates a book whose tick 0 is at <c>t0 + offset</c>.</summary>
    public DeadlineBook(long t0, long offset, long period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 0);
        _t0 = t0;
        _offset = offset;
        _period = period;
        Index = 0;
        Skipped = 0;
    }

    /// <summary>Index of the booked (next) tick.</summary>
    public long Index { get; private set; }

    /// <summary>Total periods skipped because of overruns.</summary>
    public long Skipped { get; private set; }

    /// <summary>Absolute time of the booked tick.</summary>
    public readonly long Deadline => ClockTime.TickTime(_t0, _offset, _period, Index);

    /// <summary>The clock period.</summary>
    public readonly long Period => _period;

    /// <summary>
    /// Books the tick after the current one before the work runs: normally <c>Index + 1</c>;
    /// if that deadline already passed (a late wake), the first tick at or after <paramref name="now"/>.
    /// </summary>
    /// <returns>The number of periods skipped by this call.</returns>
    public long BookNext(long now)
    {
        Index++;
        return CatchUp(now);
    }

    /// <summary>
    /// After the work ran: if the booked deadline has already passed, skips whole periods to the
    /// first tick at or after <paramref name="now"/> and counts them. Never books a past deadline,
    /// so an overrun never causes a burst of catch-up ticks.
    /// </summary>
    /// <returns>The number of periods skipped by this call.</returns>
    public long CatchUp(long now)
    {
        if (now <= Deadline)
        {
            return 0;
        }

        long first = ClockTime.FirstTickAtOrAfter(_t0, _offset, _period, now);
        long skipped = first - Index;
        Index = first;
        Skipped += skipped;
        return skipped;
    }
}
