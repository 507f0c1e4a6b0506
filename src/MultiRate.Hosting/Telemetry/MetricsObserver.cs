using System.Diagnostics.Metrics;
using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// Publishes a run through <see cref="System.Diagnostics.Metrics"/> (meter <see cref="MeterName"/>), for
/// dotnet-counters, OpenTelemetry or any <see cref="MeterListener"/>:
/// <code>
///   multirate.tick.latency          histogram, us, tag clock   compute time of each tick whose module ran
///   multirate.tick.misses           counter, tag clock         head deadline misses; slow triggers skipped while busy
///   multirate.tick.faults           counter, tag clock         module threw / non-finite / timed out
///   multirate.tick.skipped_periods  observable counter, clock  whole periods skipped after overruns (after Attach)
///   multirate.latent.age            observable gauge, ms       age of the latent the head read last
///   multirate.actions               observable counter, kind   actions emitted: model, degraded, hold, safe
/// </code>
/// </summary>
/// <remarks>
/// Called on the clock threads: recording uses cached tags and allocates nothing in steady state
/// (checked by a test with a listener attached). Observable instruments are read on the listener's
/// thread. Thread-safe.
/// </remarks>
public sealed class MetricsObserver : IRunObserver, IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "MultiRate";

    private readonly Dictionary<string, KeyValuePair<string, object?>> _tags;
    private readonly KeyValuePair<string, object?> _actionTag;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _faults;
    private readonly long[] _actions = new long[4];
    private long _latentAgeNs = -1;
    private MultiRateExecutor? _executor;

    /// <summary>Creates the meter and its instruments for the clocks of <paramref name="profile"/>.</summary>
    public MetricsObserver(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _tags = profile.Clocks.ToDictionary(c => c.Name, c => new KeyValuePair<string, object?>("clock", c.Name), StringComparer.Ordinal);
        _actionTag = _tags[profile.ActionClock.Name];
        Meter = new Meter(MeterName);
        _latency = Meter.CreateHistogram<double>("multirate.tick.latency", "us", "Compute time of each tick whose module ran");
        _misses = Meter.CreateCounter<long>("multirate.tick.misses", null, "Head deadline misses; slow-clock triggers skipped because the previous update still ran");
        _faults = Meter.CreateCounter<long>("multirate.tick.faults", null, "Module faults: threw, non-finite output or timed out");
        Meter.CreateObservableCounter("multirate.tick.skipped_periods", ObserveSkipped, null, "Whole periods skipped after scheduler overruns");
        Meter.CreateObservableGauge("multirate.latent.age", ObserveAge, "ms", "Age of the latent the head read at its last tick");
        Meter.CreateObservableCounter("multirate.actions", ObserveActions, null, "Actions emitted, by kind");
    }

    /// <summary>The meter (one per observer; disposed with it).</summary>
    public Meter Meter { get; }

    /// <summary>Connects the run's executor, for figures no tick event carries (skipped periods). Call from <c>RunSession.Started</c>.</summary>
    public void Attach(MultiRateExecutor executor) => Volatile.Write(ref _executor, executor);

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        // The fast thread and, in real time, the deadline watchdog both emit actions.
        Interlocked.Increment(ref _actions[(int)kind & 3]);
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        if (record.LatentAgeNs >= 0)
        {
            Volatile.Write(ref _latentAgeNs, record.LatentAgeNs);
        }

        switch (record.Outcome)
        {
            case FastTickOutcome.StaleSafe:
                return;
            case FastTickOutcome.Miss:
            case FastTickOutcome.Dropped:
                _misses.Add(1, _actionTag);
                break;
            case FastTickOutcome.Fault:
                _faults.Add(1, _actionTag);
                break;
        }

        // The head did not run when the watchdog had claimed the tick before it started.
        if (record.Outcome != FastTickOutcome.Dropped || record.LatencyNs > 0)
        {
            _latency.Record(record.LatencyNs / 1e3, _actionTag);
        }
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
        if (!_tags.TryGetValue(record.Clock, out KeyValuePair<string, object?> tag))
        {
            return;
        }

        switch (record.Outcome)
        {
            case SlowTickOutcome.Skipped:
                _misses.Add(1, tag);
                return;
            case SlowTickOutcome.Rejected:
                return;
            case SlowTickOutcome.Faulted:
                _faults.Add(1, tag);
                break;
        }

        _latency.Record(record.LatencyNs / 1e3, tag);
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveSkipped()
    {
        MultiRateExecutor? executor = Volatile.Read(ref _executor);
        if (executor is null)
        {
            yield break;
        }

        foreach (var stats in executor.ClockStats)
        {
            yield return new Measurement<long>(Volatile.Read(ref stats.SkippedPeriods), _tags[stats.Name]);
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
        yield return new Measurement<long>(Interlocked.Read(ref _actions[(int)ActionKind.Model]), new KeyValuePair<string, object?>("kind", "model"));
        yield return new Measurement<long>(Interlocked.Read(ref _actions[(int)ActionKind.Degraded]), new KeyValuePair<string, object?>("kind", "degraded"));
        yield return new Measurement<long>(Interlocked.Read(ref _actions[(int)ActionKind.Hold]), new KeyValuePair<string, object?>("kind", "hold"));
        yield return new Measurement<long>(Interlocked.Read(ref _actions[(int)ActionKind.Safe]), new KeyValuePair<string, object?>("kind", "safe"));
    }
}
