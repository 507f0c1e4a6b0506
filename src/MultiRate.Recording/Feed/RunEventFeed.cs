using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Recording.Feed;

/// <summary>
/// The recorder's channels without the file: observer events are copied into a preallocated ring on
/// the threads that raise them, and one consumer takes them off in order as the same JSON messages a
/// <c>--record</c> file holds (<see cref="Channels"/>: actions, ticks per clock, latents, faults).
/// </summary>
/// <remarks>
/// <para>Producers (fast, slow-worker and watchdog threads): one compare-and-swap into the ring, no
/// lock, no allocation, never a wait; when the ring is full the event is dropped and counted in
/// <see cref="Dropped"/>. Consumer: one thread calls <see cref="TryRead"/>; the span it returns is
/// valid until its next call.</para>
/// <para>Log times: the wall-clock UTC time of tick 0 (taken from the first event) plus run time, as a
/// real-time recording stamps them.</para>
/// </remarks>
public sealed class RunEventFeed : IRunObserver, IDisposable
{
    private const long Unset = long.MinValue;
    private readonly RecorderRing _ring;
    private readonly RecordingSerializer _json = new();
    private readonly string[] _clocks;
    private readonly int[] _ticks;
    private readonly int[] _latents;
    private readonly int _faults;
    private long _offsetNs = Unset;
    private long _dropped;
    private volatile bool _closed;

    /// <summary>Creates the ring and the channel table for <paramref name="profile"/>'s clocks.</summary>
    /// <param name="profile">The run's profile: its action clock and context clocks get channels.</param>
    /// <param name="capacity">Ring capacity in events (rounded up to a power of two).</param>
    public RunEventFeed(RateProfile profile, int capacity = 8192)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        string action = profile.ActionClock.Name;
        _clocks = [action, .. profile.Clocks.Where(c => c.Name != action && profile.ModuleOf(c).Kind == ModuleKind.Context).Select(c => c.Name)];
        _ring = new RecorderRing(capacity, profile.Action.Dimension);
        (Channels, _ticks, _latents, _faults) = FeedChannelTable.Build(_clocks);
    }

    /// <summary>The channels, in a fixed order; a message's channel is its index here.</summary>
    public IReadOnlyList<FeedChannel> Channels { get; }

    /// <summary>Events dropped because the ring was full (the consumer fell behind) or came after <see cref="Dispose"/>.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Ring capacity in events.</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>
    /// Consumer only: takes the next event off the ring as its channel's JSON message.
    /// </summary>
    /// <param name="channel">Index into <see cref="Channels"/>.</param>
    /// <param name="logTimeNs">Wall-clock UTC time of the event, ns since the Unix epoch.</param>
    /// <param name="json">The message (UTF-8 JSON), valid until the next call.</param>
    /// <returns>False when the ring is empty.</returns>
    public bool TryRead(out int channel, out long logTimeNs, out ReadOnlySpan<byte> json)
    {
        if (!_ring.TryPeek(out long pos))
        {
            channel = -1;
            logTimeNs = 0;
            json = default;
            return false;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        logTimeNs = Math.Max(0, Volatile.Read(ref _offsetNs) + e.TimeNs);
        switch (e.Type)
        {
            case RecorderEventType.Action:
                channel = 0;
                json = _json.Action(in e, _ring.Values(pos)[..e.Count]);
                break;
            case RecorderEventType.FastTick:
                channel = _ticks[0];
                json = _json.FastTick(in e);
                break;
            case RecorderEventType.SlowTick:
                channel = _ticks[e.Clock];
                json = _json.SlowTick(in e);
                break;
            case RecorderEventType.Latent:
                channel = _latents[e.Clock];
                json = _json.Latent(_clocks[e.Clock], e.Snapshot!, e.TimeNs);
                break;
            default:
                channel = _faults;
                json = _json.Fault(in e);
                break;
        }

        // The serializer copied what it needs: the slot goes back to the producers now.
        _ring.Release(pos);
        return true;
    }

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (!TryBegin(timeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Action;
        e.Tick = tick;
        e.TimeNs = timeNs;
        e.Code = (int)kind;
        Span<float> values = _ring.Values(pos);
        int n = Math.Min(values.Length, action.Length);
        action[..n].CopyTo(values);
        e.Count = n;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        if (!TryBegin(record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.FastTick;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.A = record.LatencyNs;
        e.B = record.DecisionNs;
        e.C = record.BudgetNs;
        e.D = record.LatentVersion;
        e.E = record.LatentAgeNs;
        e.Code = (int)record.Outcome;
        _ring.Publish(pos);
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

        if (!TryBegin(record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.SlowTick;
        e.Clock = clock;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.A = record.FinishedNs;
        e.B = record.LatencyNs;
        e.C = record.BudgetNs;
        e.Code = (int)record.Outcome;
        e.Count = record.RecursionSteps;
        _ring.Publish(pos);
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

        if (!TryBegin(publishedNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Latent;
        e.Clock = index;
        e.TimeNs = publishedNs;
        e.Snapshot = snapshot;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFault(in FaultRecord record)
    {
        if (!TryBegin(record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Fault;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.Code = (int)record.Kind;
        e.Source = record.Source;
        _ring.Publish(pos);
    }

    /// <summary>Stops taking events (later ones are dropped and counted); call once the consumer is done.</summary>
    public void Dispose()
    {
        _closed = true;
        _json.Dispose();
    }

    private bool TryBegin(long timeNs, out long pos)
    {
        if (_closed)
        {
            pos = -1;
            Interlocked.Increment(ref _dropped);
            return false;
        }

        if (Volatile.Read(ref _offsetNs) == Unset)
        {
            // Wall-clock time of tick 0, taken once from the first event: now minus its run time.
            long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            Interlocked.CompareExchange(ref _offsetNs, now - timeNs, Unset);
        }

        // Never wait: a consumer that falls behind costs events, never the clock threads' time.
        if (_ring.TryClaim(wait: false, out pos))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    private int ClockIndex(string name)
    {
        string[] clocks = _clocks;
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
