using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// The run's one fault and outcome ledger: every outcome (tick, skipped period, action, fallback and
/// its reason, miss, stale tick, published latent) and every fault is reported here once, counted under
/// its <see cref="LedgerEntry"/> (per clock where it applies) and passed to the run's observers in the
/// same call. Summary, dashboard, metrics, logs and the fault matrix read these counts; nothing is
/// inferred from another counter's change.
/// </summary>
/// <remarks>
/// Wait-free and allocation-free on every clock thread: one preallocated array of counters, one row per
/// clock (plus a row for the run itself, e.g. observer faults), each row padded to whole cache lines so
/// clocks on different threads do not share one; a report is one <see cref="Interlocked.Increment(ref long)"/>.
/// Several threads report (the fast thread, slow workers, the deadline watchdog); reads from any thread
/// see each counter whole, possibly a few ticks old.
/// </remarks>
public sealed class RunLedger
{
    private const int CacheLineLongs = 8;
    private static readonly int EntryCount = Enum.GetValues<LedgerEntry>().Length;
    private static readonly int Stride = (EntryCount + CacheLineLongs - 1) / CacheLineLongs * CacheLineLongs;

    private readonly long[] _counts;
    private readonly string[] _clocks;
    private readonly ObserverSet _observers;

    /// <summary>Creates a ledger for the given clocks.</summary>
    /// <param name="clocks">Clock names (slowest first, action clock last, as the executor lists them).</param>
    /// <param name="actionClock">The action clock's name: action, output, sensor and miss entries count on it.</param>
    /// <param name="observers">Observers told of every report (none by default).</param>
    public RunLedger(IReadOnlyList<string> clocks, string actionClock, IEnumerable<IRunObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        _clocks = [.. clocks];
        ActionClock = Array.IndexOf(_clocks, actionClock);
        if (ActionClock < 0)
        {
            throw new ArgumentException($"action clock '{actionClock}' is not one of the clocks", nameof(actionClock));
        }

        RunRow = _clocks.Length;
        _counts = new long[(_clocks.Length + 1) * Stride];
        _observers = new ObserverSet(observers, () => Interlocked.Increment(ref Slot(LedgerEntry.ObserverFault, RunRow)));
    }

    /// <summary>The clock names, in the order given.</summary>
    public IReadOnlyList<string> Clocks => _clocks;

    /// <summary>Index of the action clock in <see cref="Clocks"/>.</summary>
    public int ActionClock { get; }

    /// <summary>Row of run-wide entries (observer faults): after the clocks.</summary>
    internal int RunRow { get; }

    /// <summary>True when anyone listens (events are built only then).</summary>
    internal bool HasObservers => _observers.Any;

    /// <summary>Index of <paramref name="clock"/>, or -1.</summary>
    public int IndexOf(string clock) => Array.IndexOf(_clocks, clock);

    /// <summary>The count of <paramref name="entry"/> on one clock (by index; <see cref="Clocks"/>.Count is the run-wide row).</summary>
    public long Count(LedgerEntry entry, int clock) => Volatile.Read(ref Slot(entry, clock));

    /// <summary>The count of <paramref name="entry"/> on the clock named <paramref name="clock"/> (0 for an unknown clock).</summary>
    public long Count(LedgerEntry entry, string clock)
    {
        int i = IndexOf(clock);
        return i < 0 ? 0 : Count(entry, i);
    }

    /// <summary>The count of <paramref name="entry"/> over every clock and the run-wide row.</summary>
    public long Total(LedgerEntry entry)
    {
        long sum = 0;
        for (int row = 0; row <= _clocks.Length; row++)
        {
            sum += Count(entry, row);
        }

        return sum;
    }

    /// <summary>A copy of every count, for summaries (allocates; never call it on a clock thread).</summary>
    public LedgerSnapshot Snapshot()
    {
        var counts = new long[_clocks.Length + 1, EntryCount];
        for (int row = 0; row <= _clocks.Length; row++)
        {
            for (int e = 0; e < EntryCount; e++)
            {
                counts[row, e] = Count((LedgerEntry)e, row);
            }
        }

        return new LedgerSnapshot(_clocks, counts, _clocks[ActionClock]);
    }

    /// <summary>Counts one <paramref name="entry"/> on <paramref name="clock"/> (no observer event: outcomes that carry none).</summary>
    internal void Add(LedgerEntry entry, int clock) => Interlocked.Increment(ref Slot(entry, clock));

    /// <summary>
    /// Counts <paramref name="n"/> of <paramref name="entry"/> on <paramref name="clock"/>, without an observer
    /// event (skipped periods come in runs). For counts with no event of their own; faults go through the
    /// executor's stages, which report them with their source and time. Any thread; wait-free.
    /// </summary>
    public void Add(LedgerEntry entry, int clock, long n)
    {
        if (n != 0)
        {
            Interlocked.Add(ref Slot(entry, clock), n);
        }
    }

    /// <summary>
    /// Counts <paramref name="n"/> action-clock periods that got no action, each with one
    /// <paramref name="reason"/> (one of <see cref="LedgerNames.NoActionReasons"/>). Any thread; wait-free.
    /// </summary>
    internal void PeriodsWithoutAction(LedgerEntry reason, long n)
    {
        if (n > 0)
        {
            Interlocked.Add(ref Slot(LedgerEntry.PeriodWithoutAction, ActionClock), n);
            Interlocked.Add(ref Slot(reason, ActionClock), n);
        }
    }

    /// <summary>Counts a fault and reports it to the observers.</summary>
    /// <param name="entry">The fault (one of <see cref="LedgerNames.FaultEntries"/>).</param>
    /// <param name="clock">The clock it is counted on.</param>
    /// <param name="source">Where: a clock name, a sensor stream, or <c>sink</c>.</param>
    /// <param name="timeNs">Run time, ns from tick 0.</param>
    /// <param name="tick">Tick index of the clock it happened on.</param>
    internal void Fault(LedgerEntry entry, int clock, string source, long timeNs, long tick)
    {
        Interlocked.Increment(ref Slot(entry, clock));
        if (_observers.Any)
        {
            _observers.Fault(new FaultRecord(entry, source, timeNs, tick));
        }
    }

    /// <summary>
    /// One action went to the sink: counts its kind, the reason of a fallback (a fault when the reason is
    /// one: head fault, non-finite), a clamp and a sink fault, and reports the action, then the faults.
    /// Called by the output stage inside the emission (the values are valid only during the call).
    /// </summary>
    internal void Action(in Emission emission, long timeNs, long tick, ReadOnlySpan<float> values)
    {
        int c = ActionClock;
        Interlocked.Increment(ref Slot(LedgerNames.OfAction(emission.Kind), c));
        bool reasonIsFault = false;
        if (emission.IsFallback)
        {
            Interlocked.Increment(ref Slot(emission.Reason, c));
            reasonIsFault = LedgerNames.IsFault(emission.Reason);
        }

        if (emission.Clamped)
        {
            Interlocked.Increment(ref Slot(LedgerEntry.ClampedAction, c));
        }

        if (emission.SinkFailed)
        {
            Interlocked.Increment(ref Slot(LedgerEntry.SinkFault, c));
        }

        if (_observers.Any)
        {
            _observers.Action(timeNs, tick, emission.Kind, values);
            if (reasonIsFault)
            {
                _observers.Fault(new FaultRecord(emission.Reason, _clocks[c], timeNs, tick));
            }

            if (emission.SinkFailed)
            {
                _observers.Fault(new FaultRecord(LedgerEntry.SinkFault, "sink", timeNs, tick));
            }
        }
    }

    /// <summary>One action-clock tick finished: counts it (and its miss), then reports the miss and the tick.</summary>
    internal void FastTick(long tick, long timeNs, long latencyNs, long decisionNs, long budgetNs, FastTickOutcome outcome, long latentVersion, long latentAgeNs)
    {
        int c = ActionClock;
        Interlocked.Increment(ref Slot(LedgerEntry.Tick, c));
        if (outcome is FastTickOutcome.Miss or FastTickOutcome.Dropped)
        {
            Fault(LedgerEntry.Miss, c, _clocks[c], timeNs, tick);
        }

        if (_observers.Any)
        {
            // Built only when someone listens: the record is 64 bytes of stack stores per tick.
            _observers.FastTick(new FastTickRecord(tick, timeNs, latencyNs, decisionNs, budgetNs, outcome, latentVersion, latentAgeNs));
        }
    }

    /// <summary>A context-clock trigger was skipped (counted) or its update finished; reports the record.</summary>
    internal void SlowTick(int clock, in SlowTickRecord record)
    {
        if (record.Outcome == SlowTickOutcome.Skipped)
        {
            Interlocked.Increment(ref Slot(LedgerEntry.SkippedTrigger, clock));
        }

        if (_observers.Any)
        {
            _observers.SlowTick(in record);
        }
    }

    /// <summary>A latent became visible to its readers: counted and reported.</summary>
    internal void Latent(int clock, LatentSnapshot snapshot, long publishedNs)
    {
        Interlocked.Increment(ref Slot(LedgerEntry.LatentPublished, clock));
        if (_observers.Any)
        {
            _observers.Latent(_clocks[clock], snapshot, publishedNs);
        }
    }

    /// <summary>Compiles the observers' event methods (real-time start-up; see <see cref="ObserverSet.PrepareMethods"/>).</summary>
    internal void PrepareObservers() => _observers.PrepareMethods();

    private ref long Slot(LedgerEntry entry, int clock) => ref _counts[(clock * Stride) + (int)entry];
}
