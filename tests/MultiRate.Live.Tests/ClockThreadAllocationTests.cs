using System.Net;
using MultiRate.Bench.Overhead;
using MultiRate.Core.Latent;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Live.Tests;

public class ClockThreadAllocationTests
{
    [Fact]
    public Task Tick_RealHeadWithLiveServerAndAReadingClient_AllocatesNothingOnTheClockThread() => WithReadingClientAsync(server =>
    {
        // The executor's own fast tick with the shipped profile, config and TorchSharp head; the live server observes it.
        using OverheadRig rig = OverheadRig.Load(LiveTestProfile.RatesPath, Path.Combine(RepoRoot.Path, "configs/default.yaml"), ExecutionMode.RealTime, [server.Observer]);
        rig.SeedHeadLatent();
        Assert.True(rig.KeepLatentFresh(100_000));
        for (int i = 0; i < 20_000; i++)
        {
            rig.TickFast();
        }

        (long allocated, _) = SteadyStateAllocation.Measure(_ => rig.TickFast(), 20_000);

        Assert.Equal(0, allocated);
        Assert.True(server.SenderMessages > 0, "the sender thread served the ticks meanwhile");
    });

    [Fact]
    public Task Events_LiveServerWithASubscribedReadingClient_AllocateNothingOnTheClockThread() => WithReadingClientAsync(server =>
    {
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
    });

    /// <summary>
    /// Runs <paramref name="clockThread"/> against a live server whose one client is subscribed to every
    /// channel and reads everything it is sent (a client that keeps up), then stops the client.
    /// </summary>
    private static async Task WithReadingClientAsync(Action<LiveServer> clockThread)
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
            _ = Drain(client, reading.Token);
            clockThread(server);
            await reading.CancelAsync();
        }
    }

    /// <summary>Reads everything the server sends until cancelled or closed (a client that keeps up).</summary>
    private static Task Drain(FoxgloveTestClient client, CancellationToken cancellation) => Task.Run(async () =>
    {
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await client.ReceiveAsync();
            }
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server closed at the end of the test.
        }
    });
}
