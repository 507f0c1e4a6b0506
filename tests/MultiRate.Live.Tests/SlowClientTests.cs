using System.Net;
using System.Text.Json;
using MultiRate.Core.Sensors;
using MultiRate.Recording;

namespace MultiRate.Live.Tests;

public class SlowClientTests
{
    private const int Events = 12_000;
    private const int Batch = 16;

    [Fact]
    public async Task Publish_OneClientStalled_OtherGetsEveryMessageStalledOneToldExactlyHowManyItLost()
    {
        // A small queue and kernel send buffer, so the stalled client's backlog reaches its queue within the test.
        var options = new LiveOptions { ClientQueue = 64, SocketSendBufferBytes = 4096 };
        using LiveServer server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0), options);
        var (reader, channels) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(server.Address);
        var (stalled, _) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(server.Address);
        await using (reader)
        await using (stalled)
        {
            uint actions = channels[RecordingTopics.Actions];
            await reader.SubscribeAsync(1, actions);
            await stalled.SubscribeAsync(1, actions);
            await LiveServerProtocolTests.WaitForSubscriptionAsync(reader, channels);
            await LiveServerProtocolTests.WaitForSubscriptionAsync(stalled, channels);

            // The reading client takes each batch before the next is raised, so only the stalled one can fall behind.
            long lastTick = -1;
            for (int sent = 0; sent < Events; sent += Batch)
            {
                for (int i = sent; i < sent + Batch; i++)
                {
                    server.Observer.OnAction(i * 1_000_000L, i, ActionKind.Model, [0f, 0f, 0f]);
                }

                for (int i = 0; i < Batch; i++)
                {
                    var (_, _, payload) = await reader.ReceiveDataAsync();
                    long tick = payload.GetProperty("tick").GetInt64();
                    Assert.Equal(lastTick + 1, tick);
                    lastTick = tick;
                }
            }

            Assert.Equal(Events - 1, lastTick);
            Assert.Equal(0, server.RingDropped);
            long dropped = server.ClientDropped;
            Assert.True(dropped > 0, "the stalled client's queue overflowed");

            // The stalled client reads again: what was queued for it, in order, and the count of what it lost.
            long received = 0;
            long reported = 0;
            long previous = -1;
            while (received + reported < Events)
            {
                var (text, binary) = await stalled.ReceiveAsync();
                if (binary is not null)
                {
                    long tick = FoxgloveTestClient.Decode(binary).Payload.GetProperty("tick").GetInt64();
                    Assert.True(tick > previous, "frames arrive in order");
                    previous = tick;
                    received++;
                }
                else
                {
                    JsonElement status = text!.Value;
                    Assert.Equal(1, status.GetProperty("level").GetInt32());
                    string message = status.GetProperty("message").GetString()!;
                    Assert.StartsWith("This client fell behind: ", message, StringComparison.Ordinal);
                    reported += long.Parse(message.Split(' ')[4], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Assert.Equal(dropped, reported);
            Assert.Equal(Events, received + reported);
        }
    }
}
