using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using Serilog;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// The rate-limited summary: every interval, one log line per clock with what changed since the last
/// line (ticks, misses, faults, skipped periods). Nothing is logged from the clock threads; this reads
/// their counters from a timer thread.
/// </summary>
/// <remarks>
/// Reads counters only (plain 64-bit fields with one writer each: a read may be a few ticks old, never torn).
/// Log template: <c>{Clock} {Ticks} {Misses} {Faults} {Skipped} {IntervalSeconds}</c>.
/// </remarks>
public sealed class RunSummaryLogger : IDisposable
{
    private readonly ClockStats[] _clocks;
    private readonly long[] _last;
    private readonly ILogger _log;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _lastTimestamp;

    /// <summary>Summarises <paramref name="executor"/>'s clocks.</summary>
    public RunSummaryLogger(MultiRateExecutor executor, ILogger log, TimeSpan interval, TimeProvider? time = null)
        : this((executor ?? throw new ArgumentNullException(nameof(executor))).ClockStats, log, interval, time)
    {
    }

    internal RunSummaryLogger(IEnumerable<ClockStats> clocks, ILogger log, TimeSpan interval, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _clocks = [.. clocks];
        _last = new long[_clocks.Length * 4];
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
            for (int i = 0; i < _clocks.Length; i++)
            {
                ClockStats c = _clocks[i];
                long ticks = Delta(i, 0, Volatile.Read(ref c.Ticks));
                long misses = Delta(i, 1, Volatile.Read(ref c.Misses) + Interlocked.Read(ref c.DeadlineFallbacks));
                long faults = Delta(i, 2, Volatile.Read(ref c.Faults));
                long skipped = Delta(i, 3, Volatile.Read(ref c.SkippedPeriods));
                _log.Information(
                    "{Clock}: {Ticks} ticks, {Misses} misses, {Faults} faults, {Skipped} skipped periods in the last {IntervalSeconds:0.0} s",
                    c.Name,
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
