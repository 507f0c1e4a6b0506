namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// Closes a run's books on its periods when it ends: counts every clock's elapsed periods, gives the
/// action-clock periods after the last action their reason, and checks that every clock's periods add
/// up. A clock whose periods do not add up is a bug in the runtime: it is reported as a fault
/// (<see cref="LedgerEntry.PeriodAccountingFault"/>, to the observers and the recording) and counted.
/// </summary>
/// <remarks>
/// <code>
///  action clock:  actions + periods_without_action = periods_elapsed
///                 (periods_without_action = no_action_start_up + no_action_not_scheduled + no_action_stopped)
///  context clock: ticks + skipped_periods          = periods_elapsed
/// </code>
/// Called once, after the stop ramp, off the clock threads (nothing else reports by then).
/// </remarks>
internal static class PeriodAccounting
{
    /// <summary>Counts the elapsed periods and the trailing periods without an action, then checks every clock.</summary>
    /// <param name="ledger">The run's ledger.</param>
    /// <param name="scheduled">Per clock, in the ledger's order: the periods of its schedule that began within the base ticks the run reached.</param>
    /// <param name="lastClaimed">The last action-clock tick that got an action before the stop ramp (-1: none).</param>
    /// <param name="rampActions">Actions the stop ramp sent: each one is an action-clock period of its own.</param>
    /// <param name="stoppedEarly">The run was cancelled before its end.</param>
    /// <param name="endNs">Run time of the end (the time of a fault report).</param>
    /// <returns>The number of clocks whose periods did not add up (0 for a correct run).</returns>
    public static int Close(RunLedger ledger, IReadOnlyList<long> scheduled, long lastClaimed, long rampActions, bool stoppedEarly, long endNs)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(scheduled);
        int action = ledger.ActionClock;

        // In real time the deadline watchdog can cover periods past the last tick the fast thread reached
        // (a head stuck until the stop): they elapsed too.
        long actionPeriods = Math.Max(scheduled[action], lastClaimed + 1);

        // A claim counts the periods it passes over; the periods after the last claim are counted here.
        long trailing = actionPeriods - (lastClaimed + 1);
        LedgerEntry why = lastClaimed < 0 ? LedgerEntry.NoActionStartUp : stoppedEarly ? LedgerEntry.NoActionStopped : LedgerEntry.NoActionNotScheduled;
        ledger.PeriodsWithoutAction(why, trailing);

        int faults = 0;
        for (int c = 0; c < ledger.Clocks.Count; c++)
        {
            long elapsed = c == action ? actionPeriods + rampActions : scheduled[c];
            ledger.Add(LedgerEntry.PeriodElapsed, c, elapsed);
            if (!Balanced(c == action, e => ledger.Count(e, c)))
            {
                ledger.Fault(LedgerEntry.PeriodAccountingFault, c, ledger.Clocks[c], endNs, elapsed - 1);
                faults++;
            }
        }

        return faults;
    }

    /// <summary>
    /// True when one clock's periods add up: on the action clock, actions + periods without an action =
    /// periods elapsed and the reasons add up to the periods without an action; on a context clock,
    /// ticks + skipped periods = periods elapsed.
    /// </summary>
    /// <param name="actionClock">Whether the clock is the action clock.</param>
    /// <param name="count">The clock's count of an entry.</param>
    public static bool Balanced(bool actionClock, Func<LedgerEntry, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        long elapsed = count(LedgerEntry.PeriodElapsed);
        if (!actionClock)
        {
            return count(LedgerEntry.Tick) + count(LedgerEntry.SkippedPeriod) == elapsed;
        }

        long without = count(LedgerEntry.PeriodWithoutAction);
        long reasons = 0;
        foreach (LedgerEntry reason in LedgerNames.NoActionReasons)
        {
            reasons += count(reason);
        }

        return Served(true, count) + without == elapsed && reasons == without;
    }

    /// <summary>Periods that got what they are for: actions sent (action clock) or ticks (context clock).</summary>
    public static long Served(bool actionClock, Func<LedgerEntry, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return actionClock
            ? count(LedgerEntry.ModelAction) + count(LedgerEntry.DegradedAction) + count(LedgerEntry.HoldAction) + count(LedgerEntry.SafeAction)
            : count(LedgerEntry.Tick);
    }
}
