using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using MultiRate.Core.Sensors;
using MultiRate.Recording;

namespace MultiRate.Live.Tests;

public sealed class LiveServerProtocolTests : IDisposable
{
    private readonly LiveServer _server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0));

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Connect_FoxgloveSubprotocol_ServerInfoThenEveryRecordedChannelAdvertised()
    {
        await using FoxgloveTestClient client = await FoxgloveTestClient.ConnectAsync(_server.Address);

        JsonElement info = await client.ReceiveTextAsync();
        JsonElement advertise = await client.ReceiveTextAsync();

        Assert.Equal("foxglove.websocket.v1", client.Subprotocol);
        Assert.Equal("serverInfo", info.GetProperty("op").GetString());
        Assert.Equal(["parameters", "parametersSubscribe"], info.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("advertise", advertise.GetProperty("op").GetString());
        JsonElement[] channels = [.. advertise.GetProperty("channels").EnumerateArray()];
        Assert.Equal(
            [RecordingTopics.Actions, RecordingTopics.Ticks("head"), RecordingTopics.Ticks("planner"), RecordingTopics.Latents("planner"), RecordingTopics.Ticks("context"), RecordingTopics.Latents("context"), RecordingTopics.Faults, RecordingTopics.Summary],
            channels.Select(c => c.GetProperty("topic").GetString()));
        Assert.Equal(channels.Length, channels.Select(c => c.GetProperty("id").GetUInt32()).Distinct().Count());
        foreach (JsonElement c in channels)
        {
            Assert.Equal("json", c.GetProperty("encoding").GetString());
            Assert.Equal("jsonschema", c.GetProperty("schemaEncoding").GetString());
            using JsonDocument schema = JsonDocument.Parse(c.GetProperty("schema").GetString()!);
            Assert.Equal(c.GetProperty("schemaName").GetString(), schema.RootElement.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Start_Ipv6Loopback_AddressInBracketsAndClientsConnect()
    {
        using LiveServer v6 = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.IPv6Loopback, 0));

        Assert.StartsWith("ws://[::1]:", v6.Address.ToString(), StringComparison.Ordinal);
        await using FoxgloveTestClient client = await FoxgloveTestClient.ConnectAsync(v6.Address);
        Assert.Equal("serverInfo", (await client.ReceiveTextAsync()).GetProperty("op").GetString());
    }

    [Fact]
    public async Task Connect_WithoutTheSubprotocol_Refused()
    {
        await Assert.ThrowsAsync<WebSocketException>(() => FoxgloveTestClient.ConnectAsync(_server.Address, subprotocol: null));
    }

    [Fact]
    public async Task Subscribe_ActionRaised_MessageDataFrameWithSubscriptionIdTimeAndRecordedJson()
    {
        var (client, channels) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SubscribeAsync(7, channels[RecordingTopics.Actions]);
            await WaitForSubscriptionAsync(client, channels);

            _server.Observer.OnAction(3_000_000, 3, ActionKind.Hold, [0.25f, -0.5f, 1f]);
            var (subscription, time, payload) = await client.ReceiveDataAsync();

            Assert.Equal(7u, subscription);
            Assert.True(time > 0, "the receive time is the event's wall-clock time in ns");
            Assert.Equal(3, payload.GetProperty("tick").GetInt64());
            Assert.Equal(3_000_000, payload.GetProperty("time_ns").GetInt64());
            Assert.Equal("hold", payload.GetProperty("kind").GetString());
            Assert.Equal([0.25, -0.5, 1.0], payload.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        }
    }

    [Fact]
    public async Task Unsubscribe_ThenTwoEvents_OnlyTheStillSubscribedChannelArrives()
    {
        var (client, channels) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SendAsync($$"""{"op":"subscribe","subscriptions":[{"id":1,"channelId":{{channels[RecordingTopics.Actions]}}},{"id":2,"channelId":{{channels[RecordingTopics.Faults]}}}]}""");
            await client.SendAsync("""{"op":"unsubscribe","subscriptionIds":[1]}""");
            await WaitForSubscriptionAsync(client, channels);

            _server.Observer.OnAction(1_000_000, 1, ActionKind.Model, [0f, 0f, 0f]);
            _server.Observer.OnFault(new Scheduling.Observation.FaultRecord(Scheduling.Ledger.LedgerEntry.SensorLate, "imu", 2_000_000, 2));
            var (subscription, _, payload) = await client.ReceiveDataAsync();

            Assert.Equal(2u, subscription);
            Assert.Equal("sensor_late", payload.GetProperty("kind").GetString());
        }
    }

    [Theory]
    [InlineData("""{"op":"advertise","channels":[]}""", "'advertise' is not supported by this server")]
    [InlineData("""{"op":"callService","serviceId":1}""", "'callService' is not supported by this server")]
    [InlineData("""{"subscriptions":[]}""", "without an 'op'")]
    [InlineData("""not json""", "the message is not JSON")]
    [InlineData("""{"op":"subscribe","subscriptions":[{"id":1,"channelId":99}]}""", "channel 99 is not advertised")]
    [InlineData("""{"op":"subscribe","subscriptions":[{"id":"one"}]}""", "malformed 'subscribe' message")]
    public async Task Request_Unsupported_StatusErrorNamingIt(string request, string why)
    {
        var (client, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SendAsync(request);
            JsonElement status = await client.ReceiveTextAsync();

            Assert.Equal("status", status.GetProperty("op").GetString());
            Assert.Equal(2, status.GetProperty("level").GetInt32());
            Assert.Contains(why, status.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Request_ThousandsWithoutReadingTheAnswers_Disconnected()
    {
        // A small kernel send buffer, so the answers back up into the client's queue within the test.
        using LiveServer server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0), new LiveOptions { SocketSendBufferBytes = 4096 });
        var (client, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(server.Address);
        await using (client)
        {
            // Far more answers (about 700 bytes each) than the kernel buffers and the client's text bound hold together.
            int requests = 50 * Serving.LiveClient.MaxPendingText;
            int answers = 0;
            WebSocketException? ended = null;
            try
            {
                for (int i = 0; i < requests; i++)
                {
                    await client.SendAsync("""{"op":"getParameters","parameterNames":[]}""");
                }

                while (answers < requests)
                {
                    await client.ReceiveAsync();
                    answers++;
                }
            }
            catch (WebSocketException ex)
            {
                ended = ex;
            }

            Assert.True(ended is not null, $"the server answered all {answers} requests of a client that did not read");
            Assert.True(answers < requests);
        }

        // Another client is served as before.
        var (other, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(server.Address);
        await using (other)
        {
            await WaitForSubscriptionAsync(other, []);
        }
    }

    [Fact]
    public async Task Request_BinaryClientMessage_StatusError()
    {
        var (client, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SendBinaryAsync([0x01, 0, 0, 0, 0]);
            JsonElement status = await client.ReceiveTextAsync();

            Assert.Equal(2, status.GetProperty("level").GetInt32());
            Assert.Contains("binary client messages", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Finish_SubscribedToSummary_TheRunSummaryJson()
    {
        var (client, channels) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SubscribeAsync(5, channels[RecordingTopics.Summary]);
            await WaitForSubscriptionAsync(client, channels);

            _server.Finish(LiveTestSummary.Create());
            var (subscription, _, payload) = await client.ReceiveDataAsync();

            Assert.Equal(5u, subscription);
            Assert.Equal("default", payload.GetProperty("profile").GetString());
            Assert.True(payload.TryGetProperty("ticks", out _));
        }
    }

    /// <summary>Requests are handled in order: once a later request is answered, the subscription before it is in place.</summary>
    internal static async Task WaitForSubscriptionAsync(FoxgloveTestClient client, Dictionary<string, uint> channels)
    {
        _ = channels;
        await client.SendAsync("""{"op":"getParameters","parameterNames":[],"id":"sync"}""");
        JsonElement reply = await client.ReceiveTextAsync();
        Assert.Equal("sync", reply.GetProperty("id").GetString());
    }
}
