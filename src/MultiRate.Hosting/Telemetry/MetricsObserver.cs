using System.Diagnostics.Metrics;
using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// Publishes a run through <see cref="System.Diagnostics.Metrics"/> (meter <see cref="MeterName"/>), for
/// dotnet-counters, OpenTelemetry or any <see cref="MeterListener"/>:
/// <code>
///   multirate.tick.latency          histogram, us, tag clock   compute time of each tick whose module ran
///   multirate.tick.misses           observable counter, clock  action clock: misses; context clocks: skipped triggers
///   multirate.tick.faults           observable counter, clock  module faults (threw / non-finite / timed out)
///   multirate.tick.skipped_periods  observable counter, clock  periods skipped whole after overruns
///   multirate.latent.age            observable gauge, ms       age of the latent the head read last
///   multirate.actions               observable counter, kind   actions sent: model, degraded, hold, safe
///   multirate.ledger                observable counter         every ledger entry above zero, tags entry and clock
/// </code>
/// Every count is read from the run's ledger (after <see cref="Attach(MultiRateExecutor)"/>), under the
/// names of <see cref="LedgerNames"/>; the definitions are in docs/vocabulary.md.
/// </summary>
/// <remarks>
/// Called on the clock threads only to record latencies and the latent age: cached tags, nothing
/// allocated in steady state (checked by a test with a listener attached). Observable instruments are
/// read on the listener's thread. Thread-safe.
/// </remarks>
public sealed class MetricsObserver : IRunObserver, IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "MultiRate";

    private readonly Dictionary<string, KeyValuePair<string, object?>> _tags;
    private readonly KeyValuePair<string, object?> _actionTag;
    private readonly Histogram<double> _latency;
    private long _latentAgeNs = -1;
    private RunLedger? _ledger;

    /// <summary>Creates the meter and its instruments for the clocks of <paramref name="profile"/>.</summary>
    public MetricsObserver(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _tags = profile.Clocks.ToDictionary(c => c.Name, c => new KeyValuePair<string, object?>("clock", c.Name), StringComparer.Ordinal);
        _actionTag = _tags[profile.ActionClock.Name];
        Meter = new Meter(MeterName);
        _latency = Meter.CreateHistogram<double>("multirate.tick.latency", "us", "Compute time of each tick whose module ran");
        Meter.CreateObservableCounter("multirate.tick.misses", () => PerClock(ClockFigures.Misses), null, "Action clock: ticks without a model result by the deadline; context clocks: triggers skipped because the previous update still ran");
        Meter.CreateObservableCounter("multirate.tick.faults", () => PerClock(ClockFigures.Faults), null, "Module faults: threw, non-finite output or timed out");
        Meter.CreateObservableCounter("multirate.tick.skipped_periods", () => PerClock((_, count) => count(LedgerEntry.SkippedPeriod)), null, "Periods skipped whole after scheduler overruns");
        Meter.CreateObservableGauge("multirate.latent.age", ObserveAge, "ms", "Age of the latent the head read at its last tick");
        Meter.CreateObservableCounter("multirate.actions", ObserveActions, null, "Actions sent, by kind");
        Meter.CreateObservableCounter("multirate.ledger", ObserveLedger, null, "Every count of the run's ledger, tagged with its entry name and clock");
    }

    /// <summary>The meter (one per observer; disposed with it).</summary>
    public Meter Meter { get; }

    /// <summary>Connects the run's executor, whose ledger the counters read. Call from <c>RunSession.Started</c>.</summary>
    public void Attach(MultiRateExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        Attach(executor.Ledger);
    }

    /// <summary>Connects a ledger directly (tests, tools).</summary>
    public void Attach(RunLedger ledger) => Volatile.Write(ref _ledger, ledger);

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        if (record.LatentAgeNs >= 0)
        {
            Volatile.Write(ref _latentAgeNs, record.LatentAgeNs);
        }

        // The head did not run on a stale-safe tick, nor when the watchdog had claimed the tick before it started.
        if (record.Outcome != FastTickOutcome.StaleSafe && (record.Outcome != FastTickOutcome.Dropped || record.LatencyNs > 0))
        {
            _latency.Record(record.LatencyNs / 1e3, _actionTag);
        }
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
        if (record.Outcome is SlowTickOutcome.Skipped or SlowTickOutcome.Rejected || !_tags.TryGetValue(record.Clock, out KeyValuePair<string, object?> tag))
        {
            return;
        }

        _latency.Record(record.LatencyNs / 1e3, tag);
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> PerClock(Func<bool, Func<LedgerEntry, long>, long> figure)
    {
        RunLedger? ledger = Volatile.Read(ref _ledger);
        if (ledger is null)
        {
            yield break;
        }

        for (int i = 0; i < ledger.Clocks.Count; i++)
        {
            int clock = i;
            yield return new Measurement<long>(figure(i == ledger.ActionClock, e => ledger.Count(e, clock)), Tag(ledger.Clocks[i]));
        }
    }

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        long age = Volatile.Read(ref _latentAgeNs);
        if (age >= 0)
        {
            yield return new Measurement<double>(age / 1e6);
        }
    }

    private IEnumerable<Measurement<long>> ObserveActions()
    {
        RunLedger? ledger = Volatile.Read(ref _ledger);
        if (ledger is null)
        {
            yield break;
        }

        foreach (ActionKind kind in Enum.GetValues<ActionKind>())
        {
            LedgerEntry entry = LedgerNames.OfAction(kind);
            yield return new Measurement<long>(ledger.Total(entry), new KeyValuePair<string, object?>("kind", LedgerNames.Name(entry)));
        }
    }

    private IEnumerable<Measurement<long>> ObserveLedger()
    {
        RunLedger? ledger = Volatile.Read(ref _ledger);
        if (ledger is null)
        {
            yield break;
        }

        for (int row = 0; row <= ledger.Clocks.Count; row++)
        {
            string clock = row < ledger.Clocks.Count ? ledger.Clocks[row] : "run";
            foreach (LedgerEntry entry in LedgerNames.All)
            {
                long n = ledger.Count(entry, row);
                if (n != 0)
                {
                    yield return new Measurement<long>(n, new KeyValuePair<string, object?>("entry", LedgerNames.Name(entry)), new KeyValuePair<string, object?>("clock", clock));
                }
            }
        }
    }

    private KeyValuePair<string, object?> Tag(string clock) =>
        _tags.TryGetValue(clock, out KeyValuePair<string, object?> tag) ? tag : new KeyValuePair<string, object?>("clock", clock);
}
