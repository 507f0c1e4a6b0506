using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using MultiRate.Live.Parameters;
using MultiRate.Live.Protocol;

namespace MultiRate.Live.Serving;

/// <summary>
/// The connected clients and what they ask for: on connect <c>serverInfo</c> and <c>advertise</c>;
/// then <c>subscribe</c>, <c>unsubscribe</c>, <c>getParameters</c>, <c>setParameters</c>,
/// <c>subscribeParameterUpdates</c> and <c>unsubscribeParameterUpdates</c>. Anything else is refused
/// with a status error naming it.
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

    /// <summary>Handles one text message from <paramref name="client"/>.</summary>
    internal void Handle(LiveClient client, ReadOnlySpan<byte> message)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(message);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            Refuse(client, $"the message is not JSON ({ex.Message})");
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? op = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("op", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            try
            {
                Dispatch(client, op, root);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                // A field of the wrong type or missing: the protocol's own error, not the server's.
                Refuse(client, $"malformed '{op}' message: {ex.Message}");
            }
        }
    }

    private void Dispatch(LiveClient client, string? op, JsonElement root)
    {
        switch (op)
        {
            case "subscribe":
                foreach (JsonElement s in root.GetProperty("subscriptions").EnumerateArray())
                {
                    uint id = s.GetProperty("id").GetUInt32();
                    uint channelId = s.GetProperty("channelId").GetUInt32();
                    int channel = (int)channelId - 1;
                    string? why = channel >= 0 && channel < _channels ? client.Subscribe(id, channel) : $"channel {channelId} is not advertised";
                    if (why is not null)
                    {
                        Refuse(client, $"subscribe {id} refused: {why}");
                    }
                }

                break;
            case "unsubscribe":
                foreach (JsonElement s in root.GetProperty("subscriptionIds").EnumerateArray())
                {
                    uint id = s.GetUInt32();
                    if (!client.Unsubscribe(id))
                    {
                        Refuse(client, $"unsubscribe {id} refused: no such subscription", FoxgloveProtocol.Warning);
                    }
                }

                break;
            case "getParameters":
                client.EnqueueText(ServerMessages.ParameterValues(Parameters.Get(Names(root, "parameterNames")), Id(root)));
                break;
            case "setParameters":
                SetParameters(client, root);
                break;
            case "subscribeParameterUpdates":
            case "unsubscribeParameterUpdates":
                client.SubscribeParameters(Names(root, "parameterNames"), op == "subscribeParameterUpdates");
                break;
            default:
                Refuse(client, op is null
                    ? "a message without an 'op' is not part of foxglove.websocket.v1"
                    : $"'{op}' is not supported by this server (its capabilities: {FoxgloveProtocol.Parameters}, {FoxgloveProtocol.ParametersSubscribe}; it publishes channels and takes none)");
                break;
        }
    }

    private void SetParameters(LiveClient client, JsonElement root)
    {
        var edits = new List<KeyValuePair<string, JsonElement>>();
        foreach (JsonElement p in root.GetProperty("parameters").EnumerateArray())
        {
            JsonElement value = p.TryGetProperty("value", out JsonElement v) ? v : default;
            edits.Add(new(p.GetProperty("name").GetString()!, value));
        }

        ParameterEdit edit = Parameters.Set(edits);
        string? id = Id(root);
        if (edit.Refused)
        {
            Refuse(client, edit.Error!);
        }
        else if (edit.Changed.Count > 0)
        {
            foreach (LiveClient c in Clients)
            {
                List<string> watched = c.SubscribedParameters(edit.Changed);
                if (watched.Count > 0)
                {
                    c.EnqueueText(ServerMessages.ParameterValues(Parameters.Get(watched), null));
                }
            }
        }

        if (id is not null)
        {
            // The spec's answer to a set with an id: the values now in force (unchanged when refused).
            client.EnqueueText(ServerMessages.ParameterValues(Parameters.Get([.. edits.Select(e => e.Key)]), id));
        }
    }

    private static void Refuse(LiveClient client, string message, int level = FoxgloveProtocol.Error) =>
        client.EnqueueText(ServerMessages.Status(level, message));

    private static string[] Names(JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement names) ? [.. names.EnumerateArray().Select(n => n.GetString()!)] : [];

    private static string? Id(JsonElement root) =>
        root.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

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
                    Refuse(client, "binary client messages (client publish, service calls) are not supported by this server");
                }
                else
                {
                    Handle(client, message.WrittenSpan);
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
