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
