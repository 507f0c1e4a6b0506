using System.Buffers;
using System.Net.WebSockets;
using MultiRate.Live.Parameters;
using MultiRate.Live.Protocol;

namespace MultiRate.Live.Serving;

/// <summary>
/// The connected clients: on connect <c>serverInfo</c> and <c>advertise</c>, then each connection's
/// receive loop hands its requests to <see cref="ClientRequests"/>; stopping drains and closes them.
/// </summary>
/// <remarks>Each connection's receive loop runs on the thread pool; <see cref="Clients"/> is a
/// copy-on-write array the sender thread reads without a lock.</remarks>
internal sealed class LiveHub
{
    private const int MaxRequestBytes = 1 << 20;
    private readonly byte[] _serverInfo;
    private readonly byte[] _advertise;
    private readonly int _channels;
    private readonly LiveOptions _options;
    private readonly ClientRequests _requests;
    private readonly Lock _gate = new();
    private LiveClient[] _clients = [];
    private int _nextId;
    private long _connections;

    public LiveHub(string name, IReadOnlyList<Recording.Feed.FeedChannel> channels, ProfileParameters parameters, LiveOptions options)
    {
        _serverInfo = ServerMessages.ServerInfo(name, Guid.NewGuid().ToString("N"));
        _advertise = ServerMessages.Advertise(channels);
        _channels = channels.Count;
        _options = options;
        Parameters = parameters;
        _requests = new ClientRequests(this, parameters, channels.Count);
    }

    public ProfileParameters Parameters { get; }

    /// <summary>The connected clients (a snapshot; replaced, never changed, on connect and disconnect).</summary>
    public LiveClient[] Clients => Volatile.Read(ref _clients);

    /// <summary>Clients that have connected so far.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Data frames dropped for clients that have since disconnected.</summary>
    public long DroppedByGone { get; private set; }

    /// <summary>Serves one accepted connection until it closes.</summary>
    public async Task ServeAsync(WebSocket socket, CancellationToken stopping)
    {
        var client = new LiveClient(Interlocked.Increment(ref _nextId), socket, _channels, _options.ClientQueue);
        client.EnqueueText(_serverInfo);
        client.EnqueueText(_advertise);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        client.StartSending(sending.Token);
        Add(client);
        try
        {
            await ReceiveLoopAsync(socket, client, stopping).ConfigureAwait(false);
        }
        finally
        {
            Remove(client);
            client.Complete();
            await sending.CancelAsync().ConfigureAwait(false);
            await client.SendLoop.ConfigureAwait(false);
        }
    }

    /// <summary>Stopping: no more messages; waits up to <paramref name="grace"/> for every client to take what is queued for it.</summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        LiveClient[] clients = Clients;
        foreach (LiveClient c in clients)
        {
            c.Complete();
        }

        using var patience = new CancellationTokenSource(grace);
        try
        {
            await Task.WhenAll(clients.Select(c => c.SendLoop)).WaitAsync(patience.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A client that does not read is left behind: the server stops anyway.
        }

        // Close the ones that took everything (a send still pending on the others forbids it), and let them answer.
        await Task.WhenAll(clients.Where(c => c.SendLoop.IsCompleted).Select(c => c.CloseAsync(patience.Token))).ConfigureAwait(false);
        while (Clients.Length > 0 && !patience.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(WebSocket socket, LiveClient client, CancellationToken stopping)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                ValueWebSocketReceiveResult r = await socket.ReceiveAsync(buffer.AsMemory(), stopping).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    // The client closed first: answer (unless the server's own close is already out, or a send is pending).
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await AnswerCloseAsync(socket, stopping).ConfigureAwait(false);
                    }

                    return;
                }

                if (message.WrittenCount + r.Count > MaxRequestBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "requests are at most 1 MiB", stopping).ConfigureAwait(false);
                    return;
                }

                message.Write(buffer.AsSpan(0, r.Count));
                if (!r.EndOfMessage)
                {
                    continue;
                }

                if (r.MessageType == WebSocketMessageType.Binary)
                {
                    ClientRequests.Refuse(client, "binary client messages (client publish, service calls) are not supported by this server");
                }
                else
                {
                    _requests.Handle(client, message.WrittenSpan);
                }

                message.ResetWrittenCount();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Gone, or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task AnswerCloseAsync(WebSocket socket, CancellationToken stopping)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stopping).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A data frame is being sent at this moment: the connection ends without the answer.
        }
    }

    private void Add(LiveClient client)
    {
        lock (_gate)
        {
            _clients = [.. _clients, client];
            _connections++;
        }
    }

    private void Remove(LiveClient client)
    {
        lock (_gate)
        {
            _clients = [.. _clients.Where(c => c != client)];
            DroppedByGone += client.Dropped;
        }
    }
}
