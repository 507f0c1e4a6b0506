using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// Latency, latent-age and recursion-step distributions that another thread (a dashboard, a log
/// summary) can read while the clocks run. Register it as an <see cref="IRunObserver"/>.
/// </summary>
/// <remarks>
/// Writers: the action clock's thread records head latency and latent age; each slow clock's worker
/// records its own latency and recursion steps. Recording is wait-free and allocates nothing (one
/// HdrHistogram <c>Recorder</c> per writer). <see cref="Sample"/> runs on a reader thread, never on a
/// clock thread: it swaps interval histograms, which may wait a fraction of a millisecond for a writer
/// in flight, and it allocates.
/// </remarks>
public sealed class LiveStats : IRunObserver
{
    private const long MaxNs = 3_600_000_000_000L;
    private const long MaxSteps = 1024;

    private readonly Dictionary<string, (LiveHistogram Latency, LiveHistogram Steps)> _clocks;
    private readonly LiveHistogram _headLatency;
    private readonly LiveHistogram _latentAge = new(MaxNs);
    private readonly string _actionClock;
    private readonly Lock _reader = new();

    /// <summary>Creates the recorders for every clock of <paramref name="profile"/> (the schedule never changes during a run).</summary>
    public LiveStats(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _actionClock = profile.ActionClock.Name;
        _clocks = profile.Clocks.ToDictionary(c => c.Name, _ => (new LiveHistogram(MaxNs), new LiveHistogram(MaxSteps)), StringComparer.Ordinal);
        _headLatency = _clocks[_actionClock].Latency;
    }

    /// <summary>The clock names, in profile order.</summary>
    public IEnumerable<string> ClockNames => _clocks.Keys;

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        // The head did not run on a stale-safe tick (and on a tick the watchdog dropped before it ran).
        bool headRan = record.Outcome != FastTickOutcome.StaleSafe && !(record.Outcome == FastTickOutcome.Dropped && record.LatencyNs == 0);
        if (headRan)
        {
            _headLatency.Record(record.LatencyNs);
        }

        if (record.LatentAgeNs >= 0)
        {
            _latentAge.Record(record.LatentAgeNs);
        }
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
        // Skipped triggers are reported from the dispatcher thread: they carry no latency, and recording
        // them here would add a second writer to the worker's recorder.
        if (record.Outcome is SlowTickOutcome.Skipped or SlowTickOutcome.Rejected || !_clocks.TryGetValue(record.Clock, out var h))
        {
            return;
        }

        h.Latency.Record(record.LatencyNs);
        if (record.Outcome == SlowTickOutcome.Completed)
        {
            h.Steps.Record(record.RecursionSteps);
        }
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }

    /// <summary>Everything recorded since the run started. Reader thread only (never a clock thread).</summary>
    public LiveSample Sample()
    {
        lock (_reader)
        {
            var clocks = new Dictionary<string, ClockSample>(StringComparer.Ordinal);
            foreach (var (name, (latency, steps)) in _clocks)
            {
                var l = latency.Drain();
                var s = steps.Drain();
                bool slow = name != _actionClock;
                clocks[name] = new ClockSample(
                    name,
                    l.TotalCount,
                    HistogramReads.Percentile(l, 50) / 1e3,
                    HistogramReads.Percentile(l, 99) / 1e3,
                    HistogramReads.Max(l) / 1e3,
                    slow ? HistogramReads.Percentile(s, 50) : 0,
                    slow ? HistogramReads.Max(s) : 0);
            }

            var age = _latentAge.Drain();
            return new LiveSample(clocks, HistogramReads.Percentile(age, 50) / 1e6, HistogramReads.Max(age) / 1e6);
        }
    }
}
