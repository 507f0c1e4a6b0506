using MultiRate.Recording.Feed;

namespace MultiRate.Live.Serving;

/// <summary>
/// The one thread between the clock threads and the clients: takes events off the feed's ring in order,
/// serialises each once, and offers it to every client subscribed to its channel.
/// </summary>
/// <remarks>
/// Offering never waits (see <see cref="LiveClient.TryEnqueueData"/>), so a stalled client cannot hold
/// this thread up, and this thread never holds up a clock thread: the ring drops when it falls behind.
/// Idle, it spins briefly and then sleeps a millisecond at a time, as the recorder's writer does.
/// </remarks>
internal sealed class LiveSender
{
    private const int IdleSpins = 64;
    private readonly RunEventFeed _feed;
    private readonly LiveHub _hub;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _messages;

    public LiveSender(RunEventFeed feed, LiveHub hub)
    {
        _feed = feed;
        _hub = hub;
        _thread = new Thread(Loop) { IsBackground = true, Name = "multirate-live" };
        _thread.Start();
    }

    /// <summary>Events taken off the ring.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Drains what the producers published and stops; call once the run has ended.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Loop()
    {
        var idle = default(SpinWait);
        while (true)
        {
            // Read before looking: producers are done before Stop sets the flag, so an empty ring after it is final.
            bool stopping = _stopping;
            if (_feed.TryRead(out int channel, out long timeNs, out ReadOnlySpan<byte> json))
            {
                foreach (LiveClient client in _hub.Clients)
                {
                    client.TryEnqueueData(channel, timeNs, json);
                }

                Interlocked.Increment(ref _messages);
                idle.Reset();
                continue;
            }

            if (stopping)
            {
                return;
            }

            if (idle.Count < IdleSpins)
            {
                idle.SpinOnce(sleep1Threshold: -1);
            }
            else
            {
                Thread.Sleep(1);
            }
        }
    }
}
