namespace MultiRate.Core.Timing;

/// <summary>
/// Integer time arithmetic for periodic clocks. Tick <c>k</c> of a clock is at
/// <c>t0 + offset + k * period</c>; it is always computed from <c>k</c>, never accumulated,
/// so a run of 10^9 ticks has no drift (Drake's lesson: floating-point time causes real bugs).
/// </summary>
/// <remarks>All values are nanoseconds. Thread-safe and allocation-free (pure functions).</remarks>
public static class ClockTime
{
    /// <summary>Nanoseconds per second.</summary>
    public const long NanosPerSecond = 1_000_000_000L;

    /// <summary>The time of tick <paramref name="k"/>.</summary>
    public static long TickTime(long t0, long offset, long period, long k) => t0 + offset + (k * period);

    /// <summary>
    /// The index of the first tick at or after <paramref name="t"/>:
    /// <c>ceil((t - t0 - offset) / period)</c>, clamped at 0.
    /// </summary>
    public static long FirstTickAtOrAfter(long t0, long offset, long period, long t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 0);
        long rel = t - t0 - offset;
        if (rel <= 0)
        {
            return 0;
        }

        return (rel + period - 1) / period;
    }

    /// <summary>The index of the last tick at or before <paramref name="t"/>, or -1 if none.</summary>
    public static long LastTickAtOrBefore(long t0, long offset, long period, long t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 0);
        long rel = t - t0 - offset;
        return rel < 0 ? -1 : rel / period;
    }

    /// <summary>Period in nanoseconds of a clock running at <paramref name="hz"/>; the rate must divide 1e9.</summary>
    public static long PeriodFromHz(long hz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hz, 0);
        return NanosPerSecond / hz;
    }
}
