using MultiRate.Core.Rates;

namespace MultiRate.Training.Schedule;

/// <summary>
/// Replays the executor's schedule in virtual time without running any module: the pure function
/// behind multi-rate-aware sample pairing.
/// </summary>
/// <remarks>
/// It follows <c>MultiRateExecutor.Tick</c> and <c>VirtualSlowRunner</c> step for step. At base tick
/// b (time X = b * base):
/// <code>
///   0. an update whose completion (trigger + latency) falls before X completes:
///      latest -> published now; deterministic -> held as pending
///   1. action clock due: append the context row (rows so far = the window's end)
///   2. slow clock due: deterministic -> publish the pending snapshot
///   3. slow clock due: trigger, or skip when the previous update has not completed
///   4. action clock due: read the latest published latent
/// </code>
/// A completion at exactly X runs before tick X when it was scheduled before tick X was (Rx's
/// virtual scheduler is FIFO among equal due times): triggered two or more base ticks earlier.
/// Triggered exactly one base tick earlier (latency = one base tick) it also runs first; with zero
/// latency it runs after the tick that triggered it. The tests check this against the executor.
/// Pure and thread-safe; O(base ticks).
/// </remarks>
internal static class ScheduleSimulator
{
    /// <summary>Simulates <paramref name="baseTicks"/> base ticks of <paramref name="spec"/>.</summary>
    public static ScheduleTimeline Simulate(ScheduleSpec spec, long baseTicks)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fast = new List<long>();
        var slow = new List<long>();
        var started = new List<bool>();
        var rowEnd = new List<int>();
        var visible = new List<int>();
        int rows = 0;
        int published = -1;
        int pending = -1;
        int inFlight = -1;
        long inFlightBase = 0;
        long latencyTicksFloor = spec.LatencyNs / spec.BaseTickNs;
        bool latencyOnTick = spec.LatencyNs % spec.BaseTickNs == 0;
        for (long b = 0; b < baseTicks; b++)
        {
            if (inFlight >= 0 && CompletesBefore(inFlightBase, b, latencyTicksFloor, latencyOnTick))
            {
                if (spec.Mode == HandoffMode.Latest)
                {
                    published = inFlight;
                }
                else
                {
                    pending = inFlight;
                }

                inFlight = -1;
            }

            bool fastDue = spec.FastDue(b);
            if (fastDue)
            {
                rows++;
            }

            if (spec.SlowDue(b))
            {
                if (spec.Mode == HandoffMode.Deterministic && pending >= 0)
                {
                    published = pending;
                    pending = -1;
                }

                slow.Add(b);
                rowEnd.Add(rows);
                bool start = inFlight < 0;
                started.Add(start);
                if (start)
                {
                    inFlight = slow.Count - 1;
                    inFlightBase = b;
                }
            }

            if (fastDue)
            {
                fast.Add(b);
                visible.Add(published);
            }
        }

        return new ScheduleTimeline([.. fast], [.. slow], [.. started], [.. rowEnd], [.. visible], spec.BaseTickNs);
    }

    /// <summary>Whether an update triggered at base tick <paramref name="trigger"/> has completed before base tick <paramref name="b"/> runs.</summary>
    private static bool CompletesBefore(long trigger, long b, long latencyTicksFloor, bool latencyOnTick)
    {
        // Ready time R = trigger * base + latency; tick b is at b * base.
        long readyTick = trigger + latencyTicksFloor;
        if (!latencyOnTick)
        {
            return readyTick < b; // R falls strictly between readyTick and readyTick + 1
        }

        // R lands exactly on tick readyTick: it runs before that tick unless it was scheduled during it (zero latency).
        return readyTick < b || (readyTick == b && trigger < b);
    }
}
