namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// One clock's periods at the end of a run, from the ledger: how many elapsed, how many were served
/// (action clock: an action was sent; context clock: its tick ran) and how many were not, by reason.
/// Every output that shows period accounting (summary, <c>--json</c>, recording, report, dashboard) reads it here.
/// </summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="ActionClock">True for the action clock.</param>
/// <param name="Elapsed">Periods elapsed (<c>periods_elapsed</c>; 0 until the run ends).</param>
/// <param name="Served">Action clock: actions sent (the stop ramp's included). Context clock: ticks.</param>
/// <param name="Gaps">Action clock: periods without an action. Context clock: skipped periods.</param>
/// <param name="GapReasons">
/// The gaps by reason, under the ledger's names: on the action clock <c>no_action_start_up</c>,
/// <c>no_action_not_scheduled</c> and <c>no_action_stopped</c>; on a context clock <c>skipped_periods</c>
/// (the process was not scheduled in them).
/// </param>
public sealed record ClockPeriods(string Clock, bool ActionClock, long Elapsed, long Served, long Gaps, IReadOnlyDictionary<string, long> GapReasons)
{
    /// <summary>True when served + gaps = elapsed (and, on the action clock, the reasons add up to the gaps).</summary>
    public bool Balanced => Served + Gaps == Elapsed && GapReasons.Values.Sum() == Gaps;

    /// <summary>Every clock's periods, in the ledger's order (slowest first, action clock last).</summary>
    public static IReadOnlyList<ClockPeriods> Of(LedgerSnapshot ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var clocks = new List<ClockPeriods>(ledger.Clocks.Count);
        foreach (string clock in ledger.Clocks)
        {
            bool action = clock == ledger.ActionClock;
            long Count(LedgerEntry e) => ledger.Of(e, clock);
            var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
            if (action)
            {
                foreach (LedgerEntry reason in LedgerNames.NoActionReasons)
                {
                    reasons[LedgerNames.Name(reason)] = Count(reason);
                }
            }
            else
            {
                reasons[LedgerNames.Name(LedgerEntry.SkippedPeriod)] = Count(LedgerEntry.SkippedPeriod);
            }

            long gaps = action ? Count(LedgerEntry.PeriodWithoutAction) : Count(LedgerEntry.SkippedPeriod);
            clocks.Add(new ClockPeriods(clock, action, Count(LedgerEntry.PeriodElapsed), PeriodAccounting.Served(action, Count), gaps, reasons));
        }

        return clocks;
    }
}
