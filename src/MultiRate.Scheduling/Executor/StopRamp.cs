using MultiRate.Core.Rates;
using MultiRate.Scheduling.Drivers;

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
/// fallback (<c>stop_fallbacks</c>) and a safe action.
/// </remarks>
internal static class StopRamp
{
    /// <summary>Runs the ramp from run time <paramref name="firstRunNs"/>; returns the ramp actions sent.</summary>
    /// <param name="state">The run's state (its output stage and current profile).</param>
    /// <param name="driver">The driver whose clock paces the ramp.</param>
    /// <param name="tick0Ns">The driver clock's time of base tick 0 (run time 0).</param>
    /// <param name="firstRunNs">Run time of the first ramp tick.</param>
    public static long Run(RunState state, ClockDriver driver, long tick0Ns, long firstRunNs)
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
        using var done = new ManualResetEventSlim();
        Action<long> body = k =>
        {
            if (finished)
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

        using (driver.Ticks.ScheduleTicks(tick0Ns + firstRunNs, periodNs, body))
        {
            driver.Drive(tick0Ns + firstRunNs + ((steps - 1) * periodNs), done, CancellationToken.None);
        }

        return sent;
    }

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
