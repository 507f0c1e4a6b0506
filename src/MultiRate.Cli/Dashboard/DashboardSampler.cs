using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Telemetry;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Cli.Dashboard;

/// <summary>Reads a running executor (its ledger and budgets), the live histograms and the last reload into a <see cref="DashboardSnapshot"/>.</summary>
/// <remarks>Dashboard thread only: it keeps the last <see cref="RateWindow.Window"/> of counts for the achieved rates.</remarks>
internal sealed class DashboardSampler
{
    private readonly MultiRateExecutor _executor;
    private readonly LiveStats? _live;
    private readonly Func<ReloadResult?> _reload;
    private readonly string _verb;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly RateWindow _rates;

    public DashboardSampler(MultiRateExecutor executor, LiveStats? live, Func<ReloadResult?>? reload, string verb, TimeProvider time)
    {
        _executor = executor;
        _live = live;
        _reload = reload ?? (() => null);
        _verb = verb;
        _time = time;
        _start = time.GetTimestamp();
        _rates = new RateWindow(time);
    }

    public DashboardSnapshot Sample()
    {
        long now = _time.GetTimestamp();
        LiveSample? live = _live?.Sample();

        // One copy of the ledger per frame: every counter on screen is from the same moment, read the way the summary reads it.
        RunLedger ledger = _executor.Ledger;
        LedgerSnapshot counts = ledger.Snapshot();
        ClockStats[] clocks = [.. _executor.ClockStats];
        double[] achieved = _rates.Add(
            now,
            [.. clocks.Select(c => c.RateHz)],
            [.. clocks.Select(c => counts.Of(LedgerEntry.Tick, c.Name))],
            [.. clocks.Select(c => counts.Of(LedgerEntry.SkippedPeriod, c.Name))]);
        var rows = new List<ClockRow>();
        for (int i = 0; i < clocks.Length; i++)
        {
            ClockStats c = clocks[i];
            bool action = ledger.IndexOf(c.Name) == ledger.ActionClock;
            ClockSample? h = live is not null && live.Clocks.TryGetValue(c.Name, out ClockSample? s) ? s : null;
            rows.Add(new ClockRow(
                c.Name,
                c.RateHz,
                achieved[i],
                counts.Of(LedgerEntry.Tick, c.Name),
                h?.LatencyP50Us ?? 0,
                h?.LatencyP99Us ?? 0,
                h?.LatencyMaxUs ?? 0,
                c.BudgetNs / 1e3,
                ClockFigures.Misses(action, e => counts.Of(e, c.Name)),
                counts.Of(LedgerEntry.SkippedPeriod, c.Name),
                ClockFigures.Faults(action, e => counts.Of(e, c.Name)),
                h?.RecursionStepsP50 ?? 0,
                h?.RecursionStepsMax ?? 0));
        }

        ReloadResult? reload = _reload();
        return new DashboardSnapshot(
            _verb,
            _executor.Profile.Name,
            _time.GetElapsedTime(_start, now).TotalSeconds,
            rows,
            live?.LatentAgeP50Ms ?? 0,
            live?.LatentAgeMaxMs ?? 0,
            _executor.BaseTicksDone,
            _executor.BaseTicksTotal,
            Describe(reload),
            reload?.Outcome == ReloadOutcome.Rejected,
            _executor.WarmingUp,
            Tally(counts));
    }

    /// <summary>Actions by kind and the fallbacks' reasons, from one ledger snapshot.</summary>
    internal static ActionTally Tally(LedgerSnapshot ledger) => new(
        ledger.Total(LedgerNames.OfAction(ActionKind.Model)),
        ledger.Total(LedgerNames.OfAction(ActionKind.Degraded)),
        ledger.Total(LedgerNames.OfAction(ActionKind.Hold)),
        ledger.Total(LedgerNames.OfAction(ActionKind.Safe)),
        ledger.Total(LedgerEntry.StaleTick),
        [.. LedgerNames.FallbackReasons.Select(r => KeyValuePair.Create(LedgerNames.Name(r), ledger.Total(r))).Where(r => r.Value > 0)],
        ledger.Total(LedgerEntry.PeriodWithoutAction),
        [.. LedgerNames.NoActionReasons.Select(r => KeyValuePair.Create(LedgerNames.Name(r), ledger.Total(r))).Where(r => r.Value > 0)]);

    private static string? Describe(ReloadResult? r) => r?.Outcome switch
    {
        ReloadOutcome.Applied => "reloaded: " + string.Join("; ", r.Changes),
        ReloadOutcome.Rejected => $"reload rejected ({r.Errors.Count} error{(r.Errors.Count == 1 ? string.Empty : "s")}, old values kept): {r.Errors[0]}",
        ReloadOutcome.Unchanged => "profile saved, no live change",
        _ => null,
    };
}
