namespace MultiRate.Recording;

/// <summary>Options of <see cref="McapRunRecorder"/>. Plain settings with documented defaults.</summary>
public sealed class RecorderOptions
{
    /// <summary>
    /// Wait for the writer thread when the ring is full instead of dropping the event. Use true for
    /// virtual-time runs (replays), where nothing may be lost and waiting costs no deadline; keep
    /// false (the default) in real time, where a callback must never block: drops are counted in
    /// <see cref="McapRunRecorder.Dropped"/>.
    /// </summary>
    public bool BlockWhenFull { get; set; }

    /// <summary>
    /// Ring capacity in events, rounded up to a power of two. Default 8192: a 1 kHz head produces
    /// about 2,000 events a second (an action and a tick timing each tick), so the ring absorbs
    /// about 4 s of writer stalls before anything is dropped.
    /// </summary>
    public int Capacity { get; set; } = 8192;

    /// <summary>
    /// Added to run time (ns from tick 0) to get each message's MCAP log time. For a replay, pass the
    /// replayed log's start time (<c>ISensorSource.StartNs</c>) so the recording lines up with the
    /// log's own timestamps. Null (the default): the wall-clock UTC time of tick 0, in ns since the
    /// Unix epoch, taken at the first event (real-time runs).
    /// </summary>
    public long? LogTimeOffsetNs { get; set; }

    /// <summary>
    /// A chunk is closed, compressed (zstd) and flushed to the file once its uncompressed records
    /// exceed this many bytes. Default 256 KiB, about 0.6 s of a 1 kHz run. A crash loses the open
    /// chunk: at most this much, and at most <see cref="ChunkInterval"/> of wall time.
    /// </summary>
    public int ChunkSize { get; set; } = 256 * 1024;

    /// <summary>
    /// The writer thread also closes and flushes the open chunk once this much wall time has passed
    /// since the last one with data in it, however small it is. Default 250 ms: a crash loses at most
    /// about that much of the recording, even in a slow run that would take long to fill
    /// <see cref="ChunkSize"/>.
    /// </summary>
    public TimeSpan ChunkInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The clock that times <see cref="ChunkInterval"/> (tests inject a manual one).</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Options for a replay: block when full, log times on the log's clock.</summary>
    /// <param name="logStartNs">The replayed log's start time, ns.</param>
    public static RecorderOptions ForReplay(long logStartNs) => new() { BlockWhenFull = true, LogTimeOffsetNs = logStartNs };

    /// <summary>Options for a real-time run: never block, log times on the wall clock.</summary>
    public static RecorderOptions ForRealTime() => new() { BlockWhenFull = false, LogTimeOffsetNs = null };

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Capacity is < 2 or > (1 << 24))
        {
            problems.Add($"Capacity must be 2 to 16777216 events, found {Capacity}");
        }

        if (ChunkSize <= 0)
        {
            problems.Add($"ChunkSize must be positive, found {ChunkSize}");
        }

        if (ChunkInterval <= TimeSpan.Zero)
        {
            problems.Add($"ChunkInterval must be positive, found {ChunkInterval}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid RecorderOptions: " + string.Join("; ", problems) + ".");
        }
    }
}
