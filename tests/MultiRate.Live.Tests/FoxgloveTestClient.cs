using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MultiRate.Live.Tests;

/// <summary>A bare Foxglove WebSocket protocol client over <see cref="ClientWebSocket"/>, for checking the framing byte by byte.</summary>
internal sealed class FoxgloveTestClient : IAsyncDisposable
{
    // A bound on waiting for the server, so a broken server fails the test instead of hanging it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public string? Subprotocol => _socket.SubProtocol;

    public static async Task<FoxgloveTestClient> ConnectAsync(Uri address, string? subprotocol = "foxglove.websocket.v1")
    {
        var client = new FoxgloveTestClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }

        using var cts = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(address, cts.Token);
        return client;
    }

    /// <summary>Connects and reads serverInfo and advertise; returns the client and the advertised channel ids by topic.</summary>
    public static async Task<(FoxgloveTestClient Client, Dictionary<string, uint> Channels)> ConnectAndReadAdvertiseAsync(Uri address)
    {
        FoxgloveTestClient client = await ConnectAsync(address);
        Assert.Equal("serverInfo", (await client.ReceiveTextAsync()).GetProperty("op").GetString());
        JsonElement advertise = await client.ReceiveTextAsync();
        var channels = advertise.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("topic").GetString()!, c => c.GetProperty("id").GetUInt32());
        return (client, channels);
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] data) =>
        _socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    public Task SubscribeAsync(uint subscriptionId, uint channelId) =>
        SendAsync($$"""{"op":"subscribe","subscriptions":[{"id":{{subscriptionId}},"channelId":{{channelId}}}]}""");

    /// <summary>The next message: text as JSON, binary as bytes.</summary>
    public async Task<(JsonElement? Text, byte[]? Binary)> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        int length = 0;
        ValueWebSocketReceiveResult r;
        do
        {
            r = await _socket.ReceiveAsync(_buffer.AsMemory(length), cts.Token);
            length += r.Count;
        }
        while (!r.EndOfMessage);

        return r.MessageType == WebSocketMessageType.Text
            ? (JsonDocument.Parse(_buffer.AsMemory(0, length)).RootElement.Clone(), null)
            : (null, _buffer.AsSpan(0, length).ToArray());
    }

    public async Task<JsonElement> ReceiveTextAsync()
    {
        var (text, binary) = await ReceiveAsync();
        Assert.True(text is not null, $"expected a text message, got {binary?.Length} binary bytes");
        return text!.Value;
    }

    /// <summary>The next message data frame: subscription id, receive time and the JSON payload.</summary>
    public async Task<(uint Subscription, ulong TimeNs, JsonElement Payload)> ReceiveDataAsync()
    {
        var (text, binary) = await ReceiveAsync();
        Assert.True(binary is not null, $"expected a message data frame, got {text}");
        return Decode(binary!);
    }

    public static (uint Subscription, ulong TimeNs, JsonElement Payload) Decode(byte[] frame)
    {
        Assert.Equal(0x01, frame[0]);
        uint subscription = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(1));
        ulong time = BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(5));
        return (subscription, time, JsonDocument.Parse(frame.AsMemory(13)).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
