using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Threading.Channels;
using MultiRate.Live.Protocol;

namespace MultiRate.Live.Serving;

/// <summary>
/// One connected client: its subscriptions and its outgoing queue, drained by its own send loop.
/// </summary>
/// <remarks>
/// <para>The sender thread offers data frames with <see cref="TryEnqueueData"/>: past
/// <see cref="LiveOptions.ClientQueue"/> waiting frames the frame is dropped and counted, so a client
/// that stops reading costs itself messages and nobody else anything. Its send loop tells it how many
/// it lost with a status warning once it reads again (at most one a second while it keeps losing
/// them, and always before it goes idle).</para>
/// <para>Text messages (responses, parameter updates, warnings) come only from a client's own requests
/// and subscriptions; a client that piles up <see cref="MaxPendingText"/> of them unread is disconnected.</para>
/// </remarks>
internal sealed class LiveClient
{
    private const long None = -1;

    /// <summary>Unread text messages (answers, parameter updates) a client may have before it is disconnected.</summary>
    internal const int MaxPendingText = 1024;
    private static readonly long ReportEvery = Stopwatch.Frequency;
    private readonly WebSocket _socket;
    private readonly Channel<OutgoingFrame> _queue = Channel.CreateUnbounded<OutgoingFrame>();
    private readonly int _capacity;
    private readonly long[] _subscriptionOf;
    private readonly Dictionary<uint, int> _channelOf = [];
    private readonly HashSet<string> _parameterSubscriptions = new(StringComparer.Ordinal);
    private int _pendingData;
    private int _pendingText;
    private long _dropped;
    private long _unreported;
    private long _sent;
    private long _lastReport;

    public LiveClient(int id, WebSocket socket, int channels, int capacity)
    {
        Id = id;
        _socket = socket;
        _capacity = capacity;
        _subscriptionOf = new long[channels];
        Array.Fill(_subscriptionOf, None);
    }

    public int Id { get; }

    /// <summary>Data frames dropped because this client's queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Data frames sent to this client.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sender thread: queues a message data frame for the channel's subscription, if any; false when not subscribed or dropped.</summary>
    public bool TryEnqueueData(int channel, long receiveTimeNs, ReadOnlySpan<byte> json)
    {
        long subscription = Volatile.Read(ref _subscriptionOf[channel]);
        if (subscription == None)
        {
            return false;
        }

        if (Interlocked.Increment(ref _pendingData) > _capacity)
        {
            Interlocked.Decrement(ref _pendingData);
            Interlocked.Increment(ref _dropped);
            Interlocked.Increment(ref _unreported);
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(FoxgloveProtocol.MessageDataHeader + json.Length);
        int length = ServerMessages.MessageData(buffer, (uint)subscription, receiveTimeNs, json);
        if (!_queue.Writer.TryWrite(new OutgoingFrame(buffer, length, IsData: true)))
        {
            // The client is closing: the frame goes nowhere.
            Interlocked.Decrement(ref _pendingData);
            ArrayPool<byte>.Shared.Return(buffer);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Queues a JSON text message (any thread). A client with <see cref="MaxPendingText"/> answers it has
    /// not read (requests sent without reading the replies) is disconnected: its memory stays bounded.
    /// </summary>
    public void EnqueueText(byte[] message)
    {
        if (Interlocked.Increment(ref _pendingText) > MaxPendingText)
        {
            Interlocked.Decrement(ref _pendingText);
            _socket.Abort();
            return;
        }

        if (!_queue.Writer.TryWrite(new OutgoingFrame(message, message.Length, IsData: false)))
        {
            Interlocked.Decrement(ref _pendingText);
        }
    }

    /// <summary>Receive loop only: subscribes <paramref name="subscriptionId"/> to feed channel <paramref name="channel"/>.</summary>
    /// <returns>Why it was refused, or null.</returns>
    public string? Subscribe(uint subscriptionId, int channel)
    {
        if (_channelOf.ContainsKey(subscriptionId))
        {
            return $"subscription id {subscriptionId} is already in use";
        }

        if (Volatile.Read(ref _subscriptionOf[channel]) != None)
        {
            return $"channel {ServerMessages.ChannelId(channel)} is already subscribed (one subscription per channel)";
        }

        _channelOf[subscriptionId] = channel;
        Volatile.Write(ref _subscriptionOf[channel], subscriptionId);
        return null;
    }

    /// <summary>Receive loop only: ends a subscription; false when there is no such subscription.</summary>
    public bool Unsubscribe(uint subscriptionId)
    {
        if (!_channelOf.Remove(subscriptionId, out int channel))
        {
            return false;
        }

        Volatile.Write(ref _subscriptionOf[channel], None);
        return true;
    }

    /// <summary>Adds or removes parameter update subscriptions.</summary>
    public void SubscribeParameters(IEnumerable<string> names, bool subscribe)
    {
        lock (_parameterSubscriptions)
        {
            foreach (string name in names)
            {
                _ = subscribe ? _parameterSubscriptions.Add(name) : _parameterSubscriptions.Remove(name);
            }
        }
    }

    /// <summary>The subscribed ones among <paramref name="names"/>.</summary>
    public List<string> SubscribedParameters(IEnumerable<string> names)
    {
        lock (_parameterSubscriptions)
        {
            return [.. names.Where(_parameterSubscriptions.Contains)];
        }
    }

    /// <summary>The send loop (see <see cref="StartSending"/>); completes once the queue is completed and drained, or cancelled.</summary>
    public Task SendLoop { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the send loop.</summary>
    public void StartSending(CancellationToken cancellation) => SendLoop = SendLoopAsync(cancellation);

    private async Task SendLoopAsync(CancellationToken cancellation)
    {
        ChannelReader<OutgoingFrame> reader = _queue.Reader;
        try
        {
            while (true)
            {
                await ReportDropsAsync(reader.Count == 0, cancellation).ConfigureAwait(false);
                if (!reader.TryRead(out OutgoingFrame frame))
                {
                    if (!await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                try
                {
                    await _socket.SendAsync(frame.Buffer.AsMemory(0, frame.Length), frame.IsData ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellation).ConfigureAwait(false);
                    if (frame.IsData)
                    {
                        Interlocked.Increment(ref _sent);
                    }
                }
                finally
                {
                    if (frame.IsData)
                    {
                        Interlocked.Decrement(ref _pendingData);
                        ArrayPool<byte>.Shared.Return(frame.Buffer);
                    }
                    else
                    {
                        Interlocked.Decrement(ref _pendingText);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: what was queued for it is dropped with it.
        }
    }

    /// <summary>No more messages: the send loop drains the queue and ends.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>After the send loop has ended: starts the close handshake (the client answers, and its receive loop ends).</summary>
    public async Task CloseAsync(CancellationToken cancellation)
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "the run has ended", cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private async Task ReportDropsAsync(bool idle, CancellationToken cancellation)
    {
        if (Interlocked.Read(ref _unreported) == 0 || (!idle && Stopwatch.GetTimestamp() - _lastReport < ReportEvery))
        {
            return;
        }

        long lost = Interlocked.Exchange(ref _unreported, 0);
        _lastReport = Stopwatch.GetTimestamp();
        string total = Dropped.ToString(CultureInfo.InvariantCulture);
        byte[] status = ServerMessages.Status(
            FoxgloveProtocol.Warning,
            $"This client fell behind: {lost.ToString(CultureInfo.InvariantCulture)} messages dropped ({total} in all since it connected); the run was not slowed.",
            "multirate.dropped");
        await _socket.SendAsync(status, WebSocketMessageType.Text, true, cancellation).ConfigureAwait(false);
    }
}
