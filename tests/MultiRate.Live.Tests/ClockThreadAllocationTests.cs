using System.Net;
using MultiRate.Core.Latent;

namespace MultiRate.Live.Tests;

public class ClockThreadAllocationTests
{
    [Fact]
    public async Task Events_LiveServerWithASubscribedReadingClient_AllocateNothingOnTheClockThread()
    {
        using LiveServer server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0));
        var (client, channels) = await FoxgloveTestClient.ConnectAndReadAdvertiseAsync(server.Address);
        await using (client)
        {
            uint id = 1;
            foreach (uint channel in channels.Values)
            {
                await client.SubscribeAsync(id++, channel);
            }

            await LiveServerProtocolTests.WaitForSubscriptionAsync(client, channels);
            using var reading = new CancellationTokenSource();
            Task drain = Task.Run(async () =>
            {
                try
                {
                    while (!reading.IsCancellationRequested)
                    {
                        await client.ReceiveAsync();
                    }
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                    // The server closed at the end of the test.
                }
            });

            float[] action = new float[3];
            LatentSnapshot latent = LiveTestEvents.Latent();
            for (long i = 0; i < 2_000; i++)
            {
                LiveTestEvents.Tick(server.Observer, i, action, latent);
            }

            LiveTestEvents.WaitForSender(server, 1);

            // The clock thread's part of --live: copying each event into the ring (the sender and client loops run elsewhere).
            (long allocated, _) = SteadyStateAllocation.Measure(i => LiveTestEvents.Tick(server.Observer, i, action, latent), 20_000, firstCall: 2_000);

            Assert.Equal(0, allocated);
            Assert.True(server.SenderMessages > 0, "the sender thread served the events meanwhile");
            await reading.CancelAsync();
        }
    }
}
