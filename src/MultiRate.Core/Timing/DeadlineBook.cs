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
    /// Books the tick after the current one, given the current time: normally <c>Index + 1</c>;
    /// if that deadline already passed, the first tick at or after <paramref name="now"/>,
    /// counting every period jumped over.
    /// </summary>
    /// <returns>The number of periods skipped by this call.</returns>
    public long Advance(long now)
    {
        long next = Index + 1;
        long due = ClockTime.TickTime(_t0, _offset, _period, next);
        long skipped = 0;
        if (now > due)
        {
            long first = ClockTime.FirstTickAtOrAfter(_t0, _offset, _period, now);
            skipped = first - next;
            next = first;
        }

        Index = next;
        Skipped += skipped;
        return skipped;
    }
}
