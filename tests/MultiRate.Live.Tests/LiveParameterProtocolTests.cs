using System.Net;
using System.Text.Json;
using MultiRate.Core.Rates;

namespace MultiRate.Live.Tests;

public sealed class LiveParameterProtocolTests : IDisposable
{
    private readonly LiveServer _server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<RateProfile> _applied = [];

    public LiveParameterProtocolTests() => _server.Attach(() => LiveTestProfile.Default, p =>
    {
        lock (_applied)
        {
            _applied.Add(p);
        }
    });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task GetParameters_Named_ValuesWithTheRequestId()
    {
        var (client, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (client)
        {
            await client.SendAsync("""{"op":"getParameters","parameterNames":["clocks.head.budget_ms","clocks.head.overrun"],"id":"q1"}""");
            JsonElement reply = await client.ReceiveTextAsync();

            Assert.Equal("parameterValues", reply.GetProperty("op").GetString());
            Assert.Equal("q1", reply.GetProperty("id").GetString());
            JsonElement[] values = [.. reply.GetProperty("parameters").EnumerateArray()];
            Assert.Equal(0.5, values[0].GetProperty("value").GetDouble());
            Assert.Equal("float64", values[0].GetProperty("type").GetString());
            Assert.Equal("hold", values[1].GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task SetParameters_Valid_AppliedAnsweredAndBroadcastToSubscribers()
    {
        var (setter, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        var (watcher, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (setter)
        await using (watcher)
        {
            await watcher.SendAsync("""{"op":"subscribeParameterUpdates","parameterNames":["clocks.context.budget_ms"]}""");
            await LiveServerProtocolTests.WaitForSubscriptionAsync(watcher, []);

            await setter.SendAsync("""{"op":"setParameters","parameters":[{"name":"clocks.context.budget_ms","value":75}],"id":"s1"}""");
            JsonElement answer = await setter.ReceiveTextAsync();
            JsonElement update = await watcher.ReceiveTextAsync();

            Assert.Equal("s1", answer.GetProperty("id").GetString());
            Assert.Equal(75, answer.GetProperty("parameters")[0].GetProperty("value").GetDouble());
            Assert.Equal("parameterValues", update.GetProperty("op").GetString());
            Assert.False(update.TryGetProperty("id", out _));
            Assert.Equal("clocks.context.budget_ms", update.GetProperty("parameters")[0].GetProperty("name").GetString());
            Assert.Equal(75, update.GetProperty("parameters")[0].GetProperty("value").GetDouble());
            lock (_applied)
            {
                Assert.Equal(75_000, Assert.Single(_applied).Clock("context").BudgetUs);
            }
        }
    }

    [Fact]
    public async Task SetParameters_Refused_StatusErrorToTheSetterOnlyAndTheValueStays()
    {
        var (setter, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        var (watcher, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(_server.Address);
        await using (setter)
        await using (watcher)
        {
            await watcher.SendAsync("""{"op":"subscribeParameterUpdates","parameterNames":["clocks.head.budget_ms"]}""");
            await LiveServerProtocolTests.WaitForSubscriptionAsync(watcher, []);

            await setter.SendAsync("""{"op":"setParameters","parameters":[{"name":"clocks.head.budget_ms","value":1.5}],"id":"s2"}""");
            JsonElement status = await setter.ReceiveTextAsync();
            JsonElement answer = await setter.ReceiveTextAsync();

            Assert.Equal("status", status.GetProperty("op").GetString());
            Assert.Equal(2, status.GetProperty("level").GetInt32());
            Assert.Contains("clocks.head.budget_ms = 1.5", status.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("must be below the clock period", status.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("s2", answer.GetProperty("id").GetString());
            Assert.Equal(0.5, answer.GetProperty("parameters")[0].GetProperty("value").GetDouble());
            lock (_applied)
            {
                Assert.Empty(_applied);
            }

            // The watcher got no update: its next message is the answer to its own request.
            await LiveServerProtocolTests.WaitForSubscriptionAsync(watcher, []);
        }
    }
}
