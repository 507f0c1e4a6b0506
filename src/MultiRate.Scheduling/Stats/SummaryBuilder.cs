using HdrHistogram;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Stats;

/// <summary>Turns a finished run's ledger and distributions into a <see cref="RunSummary"/>.</summary>
/// <remarks>Every count comes from the ledger; the histograms give only latencies, latent ages and recursion steps.</remarks>
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
        RunLedger ledger)
    {
        LedgerSnapshot l = ledger.Snapshot();
        string action = profile.ActionClock.Name;
        return new RunSummary
        {
            Profile = profile.Name,
            Mode = mode == ExecutionMode.RealTime ? "realtime" : "virtual",
            DurationSeconds = baseTicks * basePeriodNs / 1e9,
            WallSeconds = wall.TotalSeconds,
            Clocks = clocks.Select(c => Clock(c, l, c.Name == action)).ToList(),
            Actions = l.Total(LedgerEntry.ModelAction) + l.Total(LedgerEntry.DegradedAction) + l.Total(LedgerEntry.HoldAction) + l.Total(LedgerEntry.SafeAction),
            ActionsByKind = new Dictionary<string, long>
            {
                [LedgerNames.Name(LedgerEntry.ModelAction)] = l.Total(LedgerEntry.ModelAction),
                [LedgerNames.Name(LedgerEntry.DegradedAction)] = l.Total(LedgerEntry.DegradedAction),
                [LedgerNames.Name(LedgerEntry.HoldAction)] = l.Total(LedgerEntry.HoldAction),
                [LedgerNames.Name(LedgerEntry.SafeAction)] = l.Total(LedgerEntry.SafeAction),
            },
            ActionsSha256 = actionsSha256,
            LatentAgeP50Ms = Percentile(head.LatentAge, 50) / 1e6,
            LatentAgeP99Ms = Percentile(head.LatentAge, 99) / 1e6,
            LatentAgeMaxMs = Max(head.LatentAge) / 1e6,
            StaleTicks = l.Total(LedgerEntry.StaleTick),
            LastLatentVersion = head.LastLatentVersion,
            LatentsPublished = profile.Clocks
                .Where(c => l.Of(LedgerEntry.LatentPublished, c.Name) > 0 || profile.Handoffs.Any(h => h.From == c.Name))
                .ToDictionary(c => c.Name, c => l.Of(LedgerEntry.LatentPublished, c.Name)),
            RecursionStepsP50 = Percentile(head.RecursionSteps, 50),
            Guards = LedgerNames.Guards.ToDictionary(g => g.Key, g => l.Total(g.Entry)),
            Ledger = l,
        };
    }

    /// <summary>A histogram percentile, 0 when empty.</summary>
    public static double Percentile(HistogramBase h, double p) => HistogramReads.Percentile(h, p);

    /// <summary>A histogram maximum, 0 when empty.</summary>
    public static double Max(HistogramBase h) => HistogramReads.Max(h);

    private static ClockSummary Clock(ClockStats s, LedgerSnapshot l, bool actionClock) => new(
        s.Name,
        s.RateHz,
        l.Of(LedgerEntry.Tick, s.Name),
        ClockFigures.Misses(actionClock, e => l.Of(e, s.Name)),
        l.Of(LedgerEntry.SkippedPeriod, s.Name),
        ClockFigures.Faults(actionClock, e => l.Of(e, s.Name)),
        s.BudgetNs / 1e3,
        Percentile(s.Latency, 50) / 1e3,
        Percentile(s.Latency, 99) / 1e3,
        Max(s.Latency) / 1e3);
}
