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
    private readonly RunEventProducer _producer;
    private readonly RecorderRing _ring;
    private readonly RecordingSerializer _json = new();
    private readonly string[] _clocks;
    private readonly int[] _ticks;
    private readonly int[] _latents;
    private readonly int _faults;

    /// <summary>Creates the ring and the channel table for <paramref name="profile"/>'s clocks.</summary>
    /// <param name="profile">The run's profile: its action clock and context clocks get channels.</param>
    /// <param name="capacity">Ring capacity in events (rounded up to a power of two).</param>
    public RunEventFeed(RateProfile profile, int capacity = 8192)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        // Never wait: a consumer that falls behind costs events, never the clock threads' time.
        _producer = new RunEventProducer(profile, capacity, waitWhenFull: false, offsetNs: null);
        _ring = _producer.Ring;
        _clocks = _producer.Clocks;
        (Channels, _ticks, _latents, _faults) = FeedChannelTable.Build(_clocks);
    }

    /// <summary>The channels, in a fixed order; a message's channel is its index here.</summary>
    public IReadOnlyList<FeedChannel> Channels { get; }

    /// <summary>Events dropped because the ring was full (the consumer fell behind) or came after <see cref="Dispose"/>.</summary>
    public long Dropped => _producer.Dropped;

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
        logTimeNs = Math.Max(0, _producer.OffsetNs + e.TimeNs);
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
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) => _producer.OnAction(timeNs, tick, kind, action);

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record) => _producer.OnFastTick(in record);

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record) => _producer.OnSlowTick(in record);

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => _producer.OnLatentPublished(clock, snapshot, publishedNs);

    /// <inheritdoc />
    public void OnFault(in FaultRecord record) => _producer.OnFault(in record);

    /// <summary>Stops taking events (later ones are dropped and counted); call once the consumer is done.</summary>
    public void Dispose()
    {
        _producer.Close();
        _json.Dispose();
    }
}
