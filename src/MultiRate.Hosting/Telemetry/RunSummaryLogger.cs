using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using Serilog;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// The rate-limited summary: every interval, one log line per clock with what changed since the last
/// line (ticks, misses, faults, skipped periods, as defined in docs/vocabulary.md). Nothing is logged
/// from the clock threads; this reads the run's ledger from a timer thread.
/// </summary>
/// <remarks>
/// Reads the ledger only (64-bit counters: a read may be a few ticks old, never torn).
/// Log template: <c>{Clock} {Ticks} {Misses} {Faults} {Skipped} {IntervalSeconds}</c>.
/// </remarks>
public sealed class RunSummaryLogger : IDisposable
{
    private readonly RunLedger _ledger;
    private readonly long[] _last;
    private readonly ILogger _log;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _lastTimestamp;

    /// <summary>Summarises <paramref name="executor"/>'s clocks.</summary>
    public RunSummaryLogger(MultiRateExecutor executor, ILogger log, TimeSpan interval, TimeProvider? time = null)
        : this((executor ?? throw new ArgumentNullException(nameof(executor))).Ledger, log, interval, time)
    {
    }

    /// <summary>Summarises the clocks of <paramref name="ledger"/>.</summary>
    public RunSummaryLogger(RunLedger ledger, ILogger log, TimeSpan interval, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(log);
        _ledger = ledger;
        _last = new long[ledger.Clocks.Count * 4];
        _log = log.ForContext<RunSummaryLogger>();
        _interval = interval;
        _time = time ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>Starts the timer (a thread-pool timer, never a clock thread). No-op when the interval is zero.</summary>
    public void Start()
    {
        if (_interval > TimeSpan.Zero)
        {
            _timer = _time.CreateTimer(_ => LogDeltas(), null, _interval, _interval);
        }
    }

    /// <summary>Logs one line per clock with the changes since the previous call.</summary>
    public void LogDeltas()
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            double seconds = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
            _lastTimestamp = now;
            for (int i = 0; i < _ledger.Clocks.Count; i++)
            {
                int clock = i;
                bool action = i == _ledger.ActionClock;
                long ticks = Delta(i, 0, _ledger.Count(LedgerEntry.Tick, i));
                long misses = Delta(i, 1, ClockFigures.Misses(action, e => _ledger.Count(e, clock)));
                long faults = Delta(i, 2, ClockFigures.Faults(action, e => _ledger.Count(e, clock)));
                long skipped = Delta(i, 3, _ledger.Count(LedgerEntry.SkippedPeriod, i));
                _log.Information(
                    "{Clock}: {Ticks} ticks, {Misses} misses, {Faults} faults, {Skipped} skipped periods in the last {IntervalSeconds:0.0} s",
                    _ledger.Clocks[i],
                    ticks,
                    misses,
                    faults,
                    skipped,
                    seconds);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    private long Delta(int clock, int field, long value)
    {
        int k = (clock * 4) + field;
        long d = value - _last[k];
        _last[k] = value;
        return d;
    }
}
