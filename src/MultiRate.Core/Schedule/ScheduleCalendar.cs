namespace MultiRate.Core.Schedule;

/// <summary>
/// The schedule calendar: for each base tick, the ordered steps of a run (observe, deterministic
/// publishes, slow triggers, head read and act) and the slow completions, as a pure function of the
/// rate profile. Both drivers' ticks execute its rows (<see cref="TickPlan"/>); training pairs head
/// ticks with latents by reading its prediction.
/// </summary>
/// <remarks>
/// At base tick b (t = b * base), every step with a time in [t, t + base) runs in this order:
/// <code>
///   0. complete   updates due exactly at t (triggered at an earlier base tick):
///                 latest -> visible now; deterministic -> held for the clock's next tick
///   1. observe    action clock due: sample the sensors at t, append one context row
///   2. publish    every due slow clock, slowest first: its held deterministic snapshot becomes visible
///   3. trigger    every due slow clock, slowest first: start an update on the history so far and the
///                 upstream clock's visible latent; skip it (busy) while the previous update runs
///   4. act        action clock due: read the head source clock's visible latent, run the head
///   5. complete   updates due in [t, t + base) not yet completed, by time: a zero-latency update
///                 of step 3 completes here at t, after the head has acted
///   Equal completion times: the earlier trigger first, then trigger order (slowest first).
/// </code>
/// An update triggered at t completes at t + latency, the latency rounded down to
/// <see cref="CalendarSpec.ResolutionNs"/>. The tie rule (steps 0 and 5) is the virtual driver's: a
/// completion is queued at its trigger for its due time, and the virtual scheduler runs queued work due
/// at or before a base tick's time before that tick. So a completion landing on a base tick runs before
/// that tick when its latency is positive; a zero-latency one, queued during its own tick, runs after it.
/// <code>
///   1 kHz base, head every tick, context 10 Hz, latency 40 ms, deterministic handoff (ms):
///   t        0            40           100              140          200
///   context  T0 ......... C0           P0 T1 .......... C1           P1 T2
///   head     O A(-1) ...  O A(-1) ...  O A(0)  ...      O A(0) ...   O A(1)
///   (T trigger, C complete, P publish, O observe, A(j) act reading slow tick j; -1 = none yet)
/// </code>
/// Structure and prediction: steps 1-4 at their positions (observe, every due deterministic clock's
/// publish point, every due clock's trigger, act) are the structure (<see cref="TickPlan"/>,
/// <see cref="ListRows"/>), which both drivers' ticks execute whatever happens. Whether a publish point
/// publishes, whether a trigger starts or is skipped, and steps 0 and 5 are the prediction
/// (<see cref="List"/>): it holds when every update takes exactly its declared latency; a fault (a
/// longer cost, a timeout, an exception, a circuit rejection) changes outcomes, never the structure.
/// </remarks>
public static class ScheduleCalendar
{
    /// <summary>A cursor at the start of <paramref name="spec"/>'s schedule (base tick -1).</summary>
    public static ScheduleCursor Open(CalendarSpec spec) => new(spec);

    /// <summary>Every step of base ticks [0, <paramref name="baseTicks"/>), in order.</summary>
    /// <remarks>Allocates the result; for a run, walk a <see cref="ScheduleCursor"/> instead.</remarks>
    public static ScheduleStep[] List(CalendarSpec spec, long baseTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseTicks);
        var cursor = new ScheduleCursor(spec);
        var steps = new List<ScheduleStep>();
        for (long b = 0; b < baseTicks; b++)
        {
            foreach (ScheduleStep step in cursor.Next())
            {
                steps.Add(step);
            }
        }

        return [.. steps];
    }

    /// <summary>The structural rows (<see cref="TickPlan"/>) of base ticks [0, <paramref name="baseTicks"/>), concatenated in order.</summary>
    /// <remarks>Allocates the result; for a run, walk a <see cref="TickPlan"/> instead.</remarks>
    public static ScheduleStep[] ListRows(CalendarSpec spec, long baseTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseTicks);
        var plan = new TickPlan(spec);
        var steps = new List<ScheduleStep>();
        for (long b = 0; b < baseTicks; b++)
        {
            foreach (ScheduleStep step in plan.Row(b))
            {
                steps.Add(step);
            }
        }

        return [.. steps];
    }
}
