using System.Diagnostics;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Bench.Diagnostics;

/// <summary>
/// An observer that keeps, per fast tick after a warm-up, the wake-up error (read from the clock
/// driving the run), the head's compute time, the tick's outcome, and the managed bytes the fast
/// thread allocated between the first and the latest measured tick.
/// </summary>
/// <remarks>
/// Runs on the fast thread inside the tick; records into preallocated histograms and counters only,
/// so it adds no allocation to the path it measures. Read the results after the run has stopped.
/// </remarks>
public sealed class FastTickRecorder : IRunObserver
{
    private readonly Func<long> _latenessNs;
    private readonly int _warmUpTicks;
    private readonly long[] _outcomes = new long[Enum.GetValues<FastTickOutcome>().Length];
    private long _seen;
    private long _allocatedAtStart = -1;
    private long _allocatedLatest;
    private int _gen0AtStart;
    private int _gen0Latest;
    private readonly (long Timestamp, int Ticks, int PageFaults, int InvoluntarySwitches)[] _misses = new (long, int, int, int)[MissEventCapacity];
    private int _missEvents;
    private long _lastTick = -1;
    private ThreadUsage _usageAtStart;
    private ThreadUsage _usageLatest;
    private bool _usageAvailable;

    /// <summary>Measured ticks between two reads of the fast thread's page faults and context switches (one system call each).</summary>
    private const int UsageSampleTicks = 256;

    /// <summary>Miss events kept with their time (later ones are counted but not timed).</summary>
    public const int MissEventCapacity = 65_536;

    /// <summary>Creates the recorder.</summary>
    /// <param name="latenessNs">How late the current tick woke, in ns, read on the fast thread (e.g. RealTimeScheduler.CurrentLatenessNs).</param>
    /// <param name="warmUpTicks">Fast ticks to ignore first.</param>
    public FastTickRecorder(Func<long> latenessNs, int warmUpTicks)
        : this(latenessNs, warmUpTicks, prepare: true)
    {
    }

    private FastTickRecorder(Func<long> latenessNs, int warmUpTicks, bool prepare)
    {
        _latenessNs = latenessNs;
        _warmUpTicks = warmUpTicks;

        // Write every page of the miss log now: the first miss would otherwise also pay a page fault on the clock thread.
        Array.Clear(_misses);

        // Compile the measuring path now (the warm-up ticks, the first measured tick, a miss, a usage sample):
        // their first calls otherwise ran the JIT on the clock thread during the run (0.1-0.7 ms each).
        if (prepare)
        {
            var scratch = new FastTickRecorder(static () => 0, warmUpTicks: 1, prepare: false); // not the caller's clock: it may not exist yet
            for (long k = 0; k <= UsageSampleTicks + 4; k++)
            {
                long tick = k < UsageSampleTicks ? k : k + 1; // one skipped period: the miss path
                scratch.OnFastTick(new FastTickRecord(tick, 0, 0, 0, 0, FastTickOutcome.Ok, 0, 0));
            }

            _ = scratch.MissEvents.Count() + scratch.Measured;
        }
    }

    /// <summary>Wake-up error of every measured fast tick.</summary>
    public LatencyHistogram WakeUp { get; } = new();

    /// <summary>Head compute time of every measured fast tick.</summary>
    public LatencyHistogram Compute { get; } = new();

    /// <summary>Fast ticks measured (after the warm-up).</summary>
    public long Measured => Math.Max(0, _seen - _warmUpTicks);

    /// <summary>Stopwatch timestamp of the first measured tick (0 before it).</summary>
    public long FirstMeasuredTimestamp { get; private set; }

    /// <summary>Managed bytes the fast thread allocated from the first to the latest measured tick.</summary>
    public long FastThreadAllocatedBytes => _allocatedAtStart < 0 ? 0 : _allocatedLatest - _allocatedAtStart;

    /// <summary>Gen-0 collections (process-wide) from the first to the latest measured tick.</summary>
    public int Gen0Collections => _gen0Latest - _gen0AtStart;

    /// <summary>
    /// The fast thread's page faults and context switches from the first measured tick to the latest
    /// sample (taken every 256 measured ticks and at every miss); null where the OS has no per-thread counts.
    /// </summary>
    public ThreadUsage? FastThreadUsage => _usageAvailable ? _usageLatest.Since(_usageAtStart) : null;

    /// <summary>Measured ticks that ended with <paramref name="outcome"/>.</summary>
    public long Count(FastTickOutcome outcome) => _outcomes[(int)outcome];

    /// <summary>
    /// When fast ticks were missed, as Stopwatch timestamps taken on the fast thread at the tick that
    /// revealed them, each with the number of ticks missed: skipped periods before that tick plus the
    /// tick itself when it ended as a miss or was dropped after the watchdog's fallback; with the page
    /// faults and involuntary context switches the fast thread took since the previous usage sample
    /// (at most 256 ticks earlier; 0 where the OS has no per-thread counts).
    /// </summary>
    public IEnumerable<(long Timestamp, int Ticks, int PageFaults, int InvoluntarySwitches)> MissEvents => _misses.Take(_missEvents);

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        long skipped = _lastTick < 0 ? 0 : record.Tick - _lastTick - 1;
        _lastTick = record.Tick;
        if (++_seen <= _warmUpTicks)
        {
            return;
        }

        long missed = skipped + (record.Outcome is FastTickOutcome.Miss or FastTickOutcome.Dropped ? 1 : 0);
        ThreadUsage sinceSample = default;
        if ((missed > 0 || Measured % UsageSampleTicks == 0) && _usageAvailable && ThreadUsage.TryRead(out ThreadUsage now))
        {
            sinceSample = now.Since(_usageLatest);
            _usageLatest = now;
        }

        if (missed > 0 && _missEvents < MissEventCapacity)
        {
            _misses[_missEvents++] = (
                Stopwatch.GetTimestamp(),
                (int)Math.Min(missed, int.MaxValue),
                (int)Math.Min(sinceSample.MinorFaults + sinceSample.MajorFaults, int.MaxValue),
                (int)Math.Min(sinceSample.InvoluntarySwitches, int.MaxValue));
        }

        WakeUp.Record(_latenessNs());
        Compute.Record(record.LatencyNs);
        _outcomes[(int)record.Outcome]++;
        _allocatedLatest = GC.GetAllocatedBytesForCurrentThread();
        _gen0Latest = GC.CollectionCount(0);
        if (_allocatedAtStart < 0)
        {
            _allocatedAtStart = _allocatedLatest;
            _gen0AtStart = _gen0Latest;
            FirstMeasuredTimestamp = Stopwatch.GetTimestamp();
            _usageAvailable = ThreadUsage.TryRead(out _usageAtStart);
            _usageLatest = _usageAtStart;
        }
    }

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
}
