using System.Collections.Concurrent;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using Serilog;

namespace MultiRate.Hosting.Faults;

/// <summary>
/// Logs faults once per burst: one Warning when a burst of one fault kind at one source starts, one
/// Information line with the count when it clears (no such fault for <c>quiet</c> of run time).
/// </summary>
/// <remarks>
/// <see cref="OnFault"/> only enqueues (lock-free; faults are rare, so the queue's segment
/// allocations don't touch the steady state) and <see cref="OnFastTick"/> only stores the run time:
/// nothing is logged on the fast thread. A background thread drains the queue every poll interval
/// and writes the log lines. Bursts are decided on run time (the records' times), so the lines are the
/// same whichever thread drains when, in real and in virtual time. <see cref="Dispose"/> drains
/// what is left and reports bursts still active when the run ended.
/// </remarks>
public sealed class FaultBurstLogger : IRunObserver, IDisposable
{
    private readonly ILogger _log;
    private readonly long _quietNs;
    private readonly ConcurrentQueue<FaultRecord> _queue = new();
    private readonly Dictionary<(LedgerEntry Kind, string Source), Burst> _open = [];
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private readonly TimeSpan _poll;
    private long _nowNs;
    private bool _disposed;

    /// <summary>Creates the logger and starts its drain thread.</summary>
    /// <param name="log">Where the lines go.</param>
    /// <param name="quiet">Run time without the fault that ends a burst (default 1 s).</param>
    /// <param name="poll">How often the drain thread wakes (default 100 ms of wall time).</param>
    public FaultBurstLogger(ILogger log, TimeSpan? quiet = null, TimeSpan? poll = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _quietNs = (quiet ?? TimeSpan.FromSeconds(1)).Ticks * 100;
        _poll = poll ?? TimeSpan.FromMilliseconds(100);
        _thread = new Thread(Loop) { IsBackground = true, Name = "multirate-fault-log" };
        _thread.Start();
    }

    /// <summary>Bursts started (one Warning each).</summary>
    public long BurstsStarted { get; private set; }

    /// <summary>Bursts cleared (one Information line each).</summary>
    public long BurstsCleared { get; private set; }

    /// <inheritdoc />
    public void OnFault(in FaultRecord record) => _queue.Enqueue(record);

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record) => Volatile.Write(ref _nowNs, record.TimeNs);

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }

    /// <summary>Processes every queued fault now and closes bursts that have been quiet long enough.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            // Read the time first: every fault up to it is already queued (faults are reported before their tick).
            long now = Volatile.Read(ref _nowNs);
            while (_queue.TryDequeue(out FaultRecord f))
            {
                var key = (f.Kind, f.Source);
                if (_open.TryGetValue(key, out Burst? burst) && f.TimeNs - burst.LastNs > _quietNs)
                {
                    Clear(key, burst);
                    burst = null;
                }

                if (burst is null)
                {
                    burst = new Burst(f.TimeNs);
                    _open[key] = burst;
                    BurstsStarted++;
                    _log.Warning("Fault burst started: {Fault} at {Source}, first at {TimeMs} ms", LedgerNames.Name(f.Kind), f.Source, f.TimeNs / 1e6);
                }

                burst.LastNs = f.TimeNs;
                burst.Count++;
                now = Math.Max(now, f.TimeNs);
            }

            foreach (var (key, burst) in _open.Where(kv => now - kv.Value.LastNs > _quietNs).ToList())
            {
                Clear(key, burst);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Set();
        _thread.Join();
        Flush();
        lock (_gate)
        {
            foreach (var ((kind, source), burst) in _open)
            {
                _log.Information("Fault burst still active at end of run: {Fault} at {Source}, {Count} faults since {StartMs} ms", LedgerNames.Name(kind), source, burst.Count, burst.FirstNs / 1e6);
            }

            _open.Clear();
        }

        _stop.Dispose();
    }

    private void Clear((LedgerEntry Kind, string Source) key, Burst burst)
    {
        _open.Remove(key);
        BurstsCleared++;
        _log.Information("Fault burst cleared: {Fault} at {Source}, {Count} faults from {StartMs} to {EndMs} ms", LedgerNames.Name(key.Kind), key.Source, burst.Count, burst.FirstNs / 1e6, burst.LastNs / 1e6);
    }

    private void Loop()
    {
        while (!_stop.Wait(_poll))
        {
            Flush();
        }
    }

    private sealed class Burst(long firstNs)
    {
        public long FirstNs { get; } = firstNs;

        public long LastNs { get; set; } = firstNs;

        public long Count { get; set; }
    }
}
