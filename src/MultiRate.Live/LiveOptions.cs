namespace MultiRate.Live;

/// <summary>Options of the live server (<c>run --live</c>); the defaults suit a 1 kHz run.</summary>
public sealed class LiveOptions
{
    /// <summary>
    /// Events the clock threads can copy into the ring before the sender thread takes them (default
    /// 8192, about 3 s of a 1 kHz run's actions and ticks). A full ring drops events, never waits.
    /// </summary>
    public int RingCapacity { get; set; } = 8192;

    /// <summary>
    /// Messages each client may have waiting to be sent (default 2048). Past that, the client's new
    /// messages are dropped and counted, and it is told how many with a status warning.
    /// </summary>
    public int ClientQueue { get; set; } = 2048;

    /// <summary>How long stopping waits for clients to take what is queued for them (default 1 s).</summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Test hook: the kernel send buffer of each client's socket (null: the OS's own, which grows to
    /// megabytes), so a test can make a stalled client's backlog reach its queue quickly.
    /// </summary>
    internal int? SocketSendBufferBytes { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (RingCapacity is < 2 or > (1 << 24))
        {
            throw new ArgumentException($"RingCapacity must be 2 to 16777216 events, found {RingCapacity}");
        }

        if (ClientQueue < 1)
        {
            throw new ArgumentException($"ClientQueue must be positive, found {ClientQueue}");
        }

        if (CloseGrace < TimeSpan.Zero)
        {
            throw new ArgumentException($"CloseGrace must not be negative, found {CloseGrace}");
        }
    }
}
