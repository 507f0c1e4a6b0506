using HdrHistogram;
using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Scheduling.Stats;

/// <summary>Turns the counters of a finished run into a <see cref="RunSummary"/>.</summary>
internal static class SummaryBuilder
{
    public static RunSummary Build(
        RateProfile profile,
        ExecutionMode mode,
        long baseTicks,
        long basePeriodNs,
        TimeSpan wall,
        IReadOnlyList<ClockStats> clocks,
        HeadStats head,
        string actionsSha256,
        IReadOnlyDictionary<string, LatentChannel> channels,
        long observerFaults = 0)
    {
        return new RunSummary
        {
            Profile = profile.Name,
            Mode = mode == ExecutionMode.RealTime ? "realtime" : "virtual",
            DurationSeconds = baseTicks * basePeriodNs / 1e9,
            WallSeconds = wall.TotalSeconds,
            Clocks = clocks.Select(Clock).ToList(),
            Actions = head.Actions,
            ActionsByKind = new Dictionary<string, long>
            {
                ["model"] = head.ModelActions,
                ["degraded"] = head.DegradedActions,
                ["hold"] = head.HoldActions,
                ["safe"] = head.SafeActions,
            },
            ActionsSha256 = actionsSha256,
            LatentAgeP50Ms = Percentile(head.LatentAge, 50) / 1e6,
            LatentAgeP99Ms = Percentile(head.LatentAge, 99) / 1e6,
            LatentAgeMaxMs = Max(head.LatentAge) / 1e6,
            StaleTicks = head.StaleTicks,
            LastLatentVersion = head.LastLatentVersion,
            LatentsPublished = channels.Where(c => c.Value.Published > 0 || profile.Handoffs.Any(h => h.From == c.Key))
                .ToDictionary(c => c.Key, c => c.Value.Published),
            RecursionStepsP50 = Percentile(head.RecursionSteps, 50),
            Guards = new Dictionary<string, long>
            {
                ["non_finite_actions"] = head.NonFiniteActions,
                ["clamped_actions"] = head.ClampedActions,
                ["sink_faults"] = head.SinkFaults,
                ["observer_faults"] = observerFaults,
                ["head_faults"] = clocks.Where(c => c.Name == profile.ActionClock.Name).Sum(c => c.Faults),
                ["head_overruns"] = clocks.Where(c => c.Name == profile.ActionClock.Name).Sum(c => c.Misses + Interlocked.Read(ref c.DeadlineFallbacks)),
                ["context_timeouts"] = clocks.Sum(c => c.Resilience.ContextTimeouts),
                ["context_faults"] = clocks.Sum(c => c.Resilience.ContextFaults),
                ["context_non_finite"] = clocks.Sum(c => c.Resilience.ContextNonFinite),
                ["circuit_open_rejections"] = clocks.Sum(c => c.Resilience.CircuitRejections),
                ["circuit_opened"] = clocks.Sum(c => Interlocked.Read(ref c.Resilience.CircuitOpened)),
                ["context_abandoned_workers"] = clocks.Sum(c => c.Resilience.AbandonedWorkers),
                ["sensor_dropouts"] = clocks.Sum(c => c.Resilience.SensorDropouts),
                ["sensor_late"] = clocks.Sum(c => c.Resilience.SensorLate),
                ["sensor_out_of_order"] = clocks.Sum(c => c.Resilience.SensorOutOfOrder),
                ["sensor_duplicates"] = clocks.Sum(c => c.Resilience.SensorDuplicates),
                ["sensor_clock_jumps"] = clocks.Sum(c => c.Resilience.SensorClockJumps),
            },
        };
    }

    /// <summary>A histogram percentile, 0 when empty.</summary>
    public static double Percentile(HistogramBase h, double p) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(p);

    /// <summary>A histogram maximum, 0 when empty.</summary>
    public static double Max(HistogramBase h) => h.TotalCount == 0 ? 0 : h.GetMaxValue();

    private static ClockSummary Clock(ClockStats s) => new(
        s.Name,
        s.RateHz,
        s.Ticks,
        s.Misses + Interlocked.Read(ref s.DeadlineFallbacks),
        s.SkippedPeriods,
        s.Faults,
        s.BudgetNs / 1e3,
        Percentile(s.Latency, 50) / 1e3,
        Percentile(s.Latency, 99) / 1e3,
        Max(s.Latency) / 1e3);
}
