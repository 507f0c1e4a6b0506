using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Telemetry;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Cli.Dashboard;

/// <summary>Reads a running executor (its ledger and budgets), the live histograms and the last reload into a <see cref="DashboardSnapshot"/>.</summary>
/// <remarks>Dashboard thread only: it keeps the previous tick counts to compute the achieved rate.</remarks>
internal sealed class DashboardSampler
{
    private readonly MultiRateExecutor _executor;
    private readonly LiveStats? _live;
    private readonly Func<ReloadResult?> _reload;
    private readonly string _verb;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Dictionary<string, long> _lastTicks = new(StringComparer.Ordinal);
    private long _lastTimestamp;

    public DashboardSampler(MultiRateExecutor executor, LiveStats? live, Func<ReloadResult?>? reload, string verb, TimeProvider time)
    {
        _executor = executor;
        _live = live;
        _reload = reload ?? (() => null);
        _verb = verb;
        _time = time;
        _start = _lastTimestamp = time.GetTimestamp();
    }

    public DashboardSnapshot Sample()
    {
        long now = _time.GetTimestamp();
        double dt = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        _lastTimestamp = now;
        LiveSample? live = _live?.Sample();
        var rows = new List<ClockRow>();
        RunLedger ledger = _executor.Ledger;
        foreach (ClockStats c in _executor.ClockStats)
        {
            int clock = ledger.IndexOf(c.Name);
            bool action = clock == ledger.ActionClock;
            long ticks = ledger.Count(LedgerEntry.Tick, clock);
            long previous = _lastTicks.GetValueOrDefault(c.Name);
            _lastTicks[c.Name] = ticks;
            ClockSample? h = live is not null && live.Clocks.TryGetValue(c.Name, out ClockSample? s) ? s : null;
            rows.Add(new ClockRow(
                c.Name,
                c.RateHz,
                dt > 0 ? (ticks - previous) / dt : 0,
                ticks,
                h?.LatencyP50Us ?? 0,
                h?.LatencyP99Us ?? 0,
                h?.LatencyMaxUs ?? 0,
                c.BudgetNs / 1e3,
                ClockFigures.Misses(action, e => ledger.Count(e, clock)),
                ledger.Count(LedgerEntry.SkippedPeriod, clock),
                ClockFigures.Faults(action, e => ledger.Count(e, clock)),
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
            Tally(ledger));
    }

    /// <summary>Actions by kind and the fallbacks' reasons, from the ledger.</summary>
    internal static ActionTally Tally(RunLedger ledger) => new(
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
