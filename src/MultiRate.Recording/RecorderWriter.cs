namespace MultiRate.Recording;

/// <summary>
/// The recorder's background thread: takes events off the ring in order, has them serialized and
/// written to the MCAP file, and gives the slots back.
/// </summary>
/// <remarks>
/// <para>Besides closing chunks by size (<see cref="RecorderOptions.ChunkSize"/>), the thread closes
/// the open chunk once <see cref="RecorderOptions.ChunkInterval"/> has passed with data in it, busy or
/// idle, so a crash loses at most that much wall time of events.</para>
/// A failure (e.g. a full disk) is kept in <see cref="Fault"/> and the ring is abandoned, so
/// producers waiting on a full ring drop instead of waiting forever.
/// </remarks>
internal sealed class RecorderWriter
{
    // Idle: spin this many rounds (a virtual-time producer refills within microseconds), then sleep.
    private const int IdleSpins = 64;
    private readonly RecorderRing _ring;
    private readonly RecordingFile _file;
    private readonly Func<long> _offsetNs;
    private readonly ChunkTimer _chunks;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile Exception? _fault;
    private long _timedChunks;

    public RecorderWriter(RecorderRing ring, RecordingFile file, Func<long> offsetNs, ChunkTimer chunks)
    {
        _ring = ring;
        _file = file;
        _offsetNs = offsetNs;
        _chunks = chunks;
        _thread = new Thread(Loop) { IsBackground = true, Name = "multirate-recorder" };
        _thread.Start();
    }

    /// <summary>Why the thread stopped early, or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>Chunks closed on time (<see cref="RecorderOptions.ChunkInterval"/>); read after draining (test hook).</summary>
    public long TimedChunks => Volatile.Read(ref _timedChunks);

    /// <summary>Drains what producers published and stops. Call once producers are done.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread.Join();
    }

    /// <summary>Waits until every published event has been written (test hook).</summary>
    public void WaitUntilDrained()
    {
        var spin = default(SpinWait);
        while (_ring.Count > 0 && _fault is null)
        {
            spin.SpinOnce();
        }
    }

    private void Loop()
    {
        try
        {
            var idle = default(SpinWait);
            while (true)
            {
                if (_ring.TryPeek(out long pos))
                {
                    _file.OffsetNs = _offsetNs();
                    _file.Write(in _ring.Slot(pos), _ring.Values(pos));
                    _ring.Release(pos);
                    _chunks.Written();
                    CloseChunkIfDue();
                    idle.Reset();
                    continue;
                }

                CloseChunkIfDue();

                if (_stopping)
                {
                    // Producers are done before Stop sets the flag: one last look, then stop.
                    if (!_ring.TryPeek(out _))
                    {
                        return;
                    }

                    continue;
                }

                // Sleeping keeps this thread off the CPU the real-time thread needs; the ring holds
                // seconds of events, so a millisecond or two of latency costs nothing.
                if (idle.Count < IdleSpins)
                {
                    idle.SpinOnce(sleep1Threshold: -1);
                }
                else
                {
                    Thread.Sleep(2);
                }
            }
        }
#pragma warning disable CA1031 // Any writer failure is reported by the recorder's Dispose; producers must be released.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _fault = ex;
            _ring.Abandon();
        }
    }

    private void CloseChunkIfDue()
    {
        if (_chunks.Due())
        {
            _file.FlushChunk();
            Volatile.Write(ref _timedChunks, _chunks.Closed);
        }
    }
}
