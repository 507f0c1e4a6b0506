namespace MultiRate.Scheduling.Ledger;

/// <summary>Where a <see cref="LedgerEntry"/> appears in the run summary.</summary>
public enum LedgerSection
{
    /// <summary>Per clock: <c>ticks</c>, <c>skipped_periods</c> and the figures behind <c>misses</c> and <c>faults</c>.</summary>
    Clock,

    /// <summary><c>actions_by_kind</c>: one per action sent.</summary>
    Action,

    /// <summary><c>fallbacks</c>: why each hold or safe action went out (one reason per fallback).</summary>
    Fallback,

    /// <summary><c>guards</c>: faults and protections that fired.</summary>
    Guard,

    /// <summary>Counted and shown in the ledger map only (circuit transitions, late results).</summary>
    Detail,
}
