using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Recording;

/// <summary>
/// The producer side shared by <see cref="McapRunRecorder"/> and <see cref="Feed.RunEventFeed"/>:
/// the observer callbacks copy each run event into a preallocated <see cref="RecorderRing"/> on the
/// thread that raises it (one compare-and-swap, no lock, no allocation) and return.
/// </summary>
/// <remarks>
/// Clock indexes: 0 is the action clock, the rest are the profile's context clocks in profile order;
/// a slow tick or latent from any other clock is dropped and counted. Log times: the offset is either
/// given, or taken once from the first event as the wall-clock UTC time of tick 0.
/// </remarks>
internal sealed class RunEventProducer : IRunObserver
{
    private const long Unset = long.MinValue;
    private readonly bool _wait;
    private long _offsetNs;
    private long _dropped;
    private long _lastTimeNs;
    private long _events;
    private volatile bool _closed;

    /// <summary>Creates the ring and the clock table for <paramref name="profile"/>.</summary>
    /// <param name="profile">The run's profile: its action clock and context clocks are recorded.</param>
    /// <param name="capacity">Ring capacity in events (rounded up to a power of two).</param>
    /// <param name="waitWhenFull">Wait for the consumer when the ring is full (virtual time) instead of dropping the event.</param>
    /// <param name="offsetNs">The log-time offset, or null to take the wall-clock time of tick 0 from the first event.</param>
    public RunEventProducer(RateProfile profile, int capacity, bool waitWhenFull, long? offsetNs)
    {
        string action = profile.ActionClock.Name;
        Clocks = [action, .. profile.Clocks.Where(c => c.Name != action && profile.ModuleOf(c).Kind == ModuleKind.Context).Select(c => c.Name)];
        Ring = new RecorderRing(capacity, profile.Action.Dimension);
        _wait = waitWhenFull;
        _offsetNs = offsetNs ?? Unset;
    }

    /// <summary>The clock table: index 0 is the action clock, the rest are context clocks.</summary>
    public string[] Clocks { get; }

    /// <summary>The ring the events go into; its one consumer takes them off in order.</summary>
    public RecorderRing Ring { get; }

    /// <summary>Events dropped: the ring was full, the clock was unknown, or the event came after <see cref="Close"/>.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Whether an event was recorded (its log time is then fixed).</summary>
    public bool HasEvents => Volatile.Read(ref _events) != 0;

    /// <summary>The latest run time of an event, ns.</summary>
    public long LastTimeNs => Volatile.Read(ref _lastTimeNs);

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    public bool IsClosed => _closed;

    /// <summary>The log-time offset, ns (<see cref="long.MinValue"/> until the first event when none was given).</summary>
    public long OffsetNs
    {
        get => Volatile.Read(ref _offsetNs);
        set => Volatile.Write(ref _offsetNs, value);
    }

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (!TryBegin(RecorderEventType.Action, tick, timeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref Ring.Slot(pos);
        e.Code = (int)kind;
        Span<float> values = Ring.Values(pos);
        int n = Math.Min(values.Length, action.Length);
        action[..n].CopyTo(values);
        e.Count = n;
        Ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        if (!TryBegin(RecorderEventType.FastTick, record.Tick, record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref Ring.Slot(pos);
        e.A = record.LatencyNs;
        e.B = record.DecisionNs;
        e.C = record.BudgetNs;
        e.D = record.LatentVersion;
        e.E = record.LatentAgeNs;
        e.Code = (int)record.Outcome;
        Ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
        int clock = ClockIndex(record.Clock);
        if (clock <= 0)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!TryBegin(RecorderEventType.SlowTick, record.Tick, record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref Ring.Slot(pos);
        e.Clock = clock;
        e.A = record.FinishedNs;
        e.B = record.LatencyNs;
        e.C = record.BudgetNs;
        e.Code = (int)record.Outcome;
        e.Count = record.RecursionSteps;
        Ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
        int index = ClockIndex(clock);
        if (index <= 0 || snapshot is null)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        // A latent has no tick of its own (its snapshot carries the source tick).
        if (!TryBegin(RecorderEventType.Latent, 0, publishedNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref Ring.Slot(pos);
        e.Clock = index;
        e.Snapshot = snapshot;
        Ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFault(in FaultRecord record)
    {
        if (!TryBegin(RecorderEventType.Fault, record.Tick, record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref Ring.Slot(pos);
        e.Code = (int)record.Kind;
        e.Source = record.Source;
        Ring.Publish(pos);
    }

    /// <summary>Stops taking events: later ones are dropped and counted.</summary>
    public void Close() => _closed = true;

    /// <summary>Claims a slot and fills what every event has (type, tick, run time); false when the event is dropped (and counted).</summary>
    private bool TryBegin(RecorderEventType type, long tick, long timeNs, out long pos)
    {
        if (_closed)
        {
            pos = -1;
            Interlocked.Increment(ref _dropped);
            return false;
        }

        if (Volatile.Read(ref _events) == 0)
        {
            Volatile.Write(ref _events, 1);
        }

        if (Volatile.Read(ref _offsetNs) == Unset)
        {
            // Wall-clock time of tick 0, taken once from the first event: now minus its run time.
            long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            Interlocked.CompareExchange(ref _offsetNs, now - timeNs, Unset);
        }

        if (timeNs > Volatile.Read(ref _lastTimeNs))
        {
            Volatile.Write(ref _lastTimeNs, timeNs);
        }

        // Without waiting, a consumer that falls behind costs events, never the clock threads' time.
        if (Ring.TryClaim(_wait, out pos))
        {
            ref RecorderEvent e = ref Ring.Slot(pos);
            e.Type = type;
            e.Tick = tick;
            e.TimeNs = timeNs;
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    private int ClockIndex(string name)
    {
        string[] clocks = Clocks;
        for (int i = 0; i < clocks.Length; i++)
        {
            if (ReferenceEquals(clocks[i], name) || string.Equals(clocks[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
