namespace MultiRate.Recording;

/// <summary>
/// Decides when the recorder's writer closes the open chunk on time rather than size: once data has
/// been written and <c>interval</c> has passed since the last close, so a crash loses at most that much.
/// </summary>
/// <remarks>Writer thread only. Time comes from the given <see cref="TimeProvider"/> (tests inject one).</remarks>
internal sealed class ChunkTimer
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _last;
    private bool _dirty;

    public ChunkTimer(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
        _last = time.GetTimestamp();
    }

    /// <summary>Chunks closed because their interval ran out.</summary>
    public long Closed { get; private set; }

    /// <summary>A message went into the open chunk.</summary>
    public void Written() => _dirty = true;

    /// <summary>True (and the interval restarts) when the open chunk holds data and is due to close now.</summary>
    public bool Due()
    {
        if (!_dirty)
        {
            return false;
        }

        long now = _time.GetTimestamp();
        if (now - _last < _intervalTicks)
        {
            return false;
        }

        _last = now;
        _dirty = false;
        Closed++;
        return true;
    }
}
