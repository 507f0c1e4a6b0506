namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// The per-clock figures every output shows beside ticks and skipped periods, defined once from the
/// ledger's entries: <c>misses</c> and <c>faults</c>.
/// </summary>
public static class ClockFigures
{
    /// <summary>
    /// The per-clock <c>misses</c>: on the action clock, misses (no model result by the deadline); on a
    /// context clock, skipped triggers (the previous update still ran).
    /// </summary>
    public static long Misses(bool actionClock, Func<LedgerEntry, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return actionClock ? count(LedgerEntry.Miss) : count(LedgerEntry.SkippedTrigger);
    }

    /// <summary>
    /// The per-clock <c>faults</c>: the clock's module faults. Action clock: head faults and non-finite
    /// results. Context clock: module faults, non-finite latents and timeouts (circuit rejections are not
    /// module faults: the module was not called).
    /// </summary>
    public static long Faults(bool actionClock, Func<LedgerEntry, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return actionClock
            ? count(LedgerEntry.HeadFault) + count(LedgerEntry.NonFiniteAction)
            : count(LedgerEntry.ContextFault) + count(LedgerEntry.ContextNonFinite) + count(LedgerEntry.ContextTimeout);
    }
}
