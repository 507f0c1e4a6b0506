using MultiRate.Core.Rates;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// The end of every run (cancelled or completed): the driver's clock keeps ticking at the action
/// clock's period and each tick sends a safe-kind action that approaches the profile's safe action
/// within <c>max_rate_per_s</c>, until the action sent is the safe action bit for bit. Then the run ends.
/// </summary>
/// <remarks>
/// The approach is bounded by <c>action.on_stop.max_ms</c> (default: what the rate limits need from
/// the farthest action in [min, max], plus a tick for rounding). Validation refuses a bound the limits
/// cannot meet, so the last tick of the bound only snaps to safe when the limits were changed behind
/// validation's back; a stop always ends on the safe action. Every ramp action is counted as a stop
/// fallback (<c>stop_fallbacks</c>) and a safe action. The wait for the ramp is bounded (ramp length plus
/// <see cref="Margin"/>): a clock that stops delivering steps ends the stop with a counted
/// <c>stop_timeouts</c> fault and the safe action sent from the stopping thread, instead of a hang.
/// </remarks>
internal static class StopRamp
{
    /// <summary>Base periods of margin after the ramp's last step before the wait for it gives up.</summary>
    public const int MarginBasePeriods = 5;

    /// <summary>
    /// The least margin: a loaded machine wakes a real-time thread milliseconds late now and then, and the
    /// bound exists to end a wait for a clock thread that stopped, not to police its latency.
    /// </summary>
    public const long MinMarginNs = 50_000_000;

    /// <summary>Runs the ramp from run time <paramref name="firstRunNs"/>; returns the ramp actions sent.</summary>
    /// <param name="state">The run's state (its output stage and current profile).</param>
    /// <param name="driver">The driver whose clock paces the ramp.</param>
    /// <param name="tick0Ns">The driver clock's time of base tick 0 (run time 0).</param>
    /// <param name="firstRunNs">Run time of the first ramp tick.</param>
    /// <param name="basePeriodNs">The graph's base period (the margin is counted in it).</param>
    /// <remarks>
    /// The wait is bounded: when the driver's clock passes the last step's time plus the margin
    /// (<see cref="Margin"/>) and no safe action has gone out, the ramp gives up, reports
    /// <see cref="LedgerEntry.StopTimeout"/> on the action clock, sends the safe action itself (unlimited,
    /// <see cref="OutputStage.TrySnapToSafe"/>) and returns, so a clock thread stuck in a module call can
    /// neither hang the stop nor leave the robot off safe. A step the stuck thread runs afterwards does nothing.
    /// </remarks>
    public static long Run(RunState state, ClockDriver driver, long tick0Ns, long firstRunNs, long basePeriodNs)
    {
        if (state.Output.AtSafe)
        {
            return 0;
        }

        RateProfile profile = state.Current;
        long periodNs = profile.ActionClock.PeriodNs;
        long steps = MaxSteps(profile.Action, periodNs);
        long sent = 0;
        bool finished = false;
        int abandoned = 0;

        // Not disposed when the ramp gives up: a stuck clock thread may still reach the step below later.
        var done = new ManualResetEventSlim();
        Action<long> body = k =>
        {
            if (finished || Volatile.Read(ref abandoned) != 0)
            {
                return;
            }

            // The last step snaps to safe. In real time an overrun skips whole periods, so the tick
            // index can jump past steps - 1, and the watchdog can claim a tick first: any index from
            // steps - 1 on snaps, until a safe action has gone out. Before, a skipped or lost last
            // step left the ramp, and the run, waiting forever.
            bool last = k >= steps - 1;
            sent++;
            if (state.Output.EmitStopStep(firstRunNs + (k * periodNs), snap: last))
            {
                finished = true;
                done.Set();
            }
        };

        bool ended;
        using (driver.Ticks.ScheduleTicks(tick0Ns + firstRunNs, periodNs, body))
        {
            ended = driver.DriveStop(tick0Ns + firstRunNs + ((steps - 1) * periodNs), Margin(basePeriodNs), done);
            if (!ended)
            {
                Volatile.Write(ref abandoned, 1);
            }
        }

        if (ended)
        {
            done.Dispose();
            return sent;
        }

        ClockDefinition action = profile.ActionClock;
        long gaveUpNs = driver.Clock.NowNs;
        state.Ledger.Fault(LedgerEntry.StopTimeout, state.Ledger.ActionClock, action.Name, gaveUpNs - tick0Ns, state.Output.LastClaimed);

        // The stop still ends on the safe action: sent from this thread, unless an emission on the stuck
        // thread is itself still in progress (then writing to the sink beside it would be worse).
        if (state.Output.TrySnapToSafe(gaveUpNs - tick0Ns, driver.Clock, gaveUpNs + Margin(basePeriodNs)))
        {
            sent++;
        }

        return sent;
    }

    /// <summary>How long after the ramp's last step the wait for it gives up: a few base periods, at least <see cref="MinMarginNs"/>.</summary>
    public static long Margin(long basePeriodNs) => Math.Max(MarginBasePeriods * basePeriodNs, MinMarginNs);

    /// <summary>Ramp ticks allowed: those within on_stop.max_ms, or the worst case's need plus one.</summary>
    private static long MaxSteps(ActionSpec action, long periodNs)
    {
        if (action.OnStopMaxMs is { } bound)
        {
            return Math.Max(1, (long)Math.Floor(bound * 1e6 / periodNs) + 1);
        }

        double worstNs = action.WorstCaseStopMs() * 1e6;
        return Math.Max(1, (long)Math.Ceiling(worstNs / periodNs) + 1);
    }
}
