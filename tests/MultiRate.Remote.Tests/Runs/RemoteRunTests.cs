using MultiRate.Remote.Server;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Remote.Tests.Runs;

/// <summary>
/// Real-time runs of the demo with its 10 Hz context served over loopback by an in-process Kestrel
/// server, under network delays, dropped replies and a slow server. Every assertion counts (periods,
/// actions, ledger entries); none reads a clock.
/// </summary>
[Collection(RealTimeRuns.Name)]
public sealed class RemoteRunTests
{
    [Fact]
    public async Task Run_Delay30ms_PublishesRemoteLatentsAndKeepsHeadRate()
    {
        var faults = new ServerFaults.Plan(TimeSpan.FromMilliseconds(30));
        await using ContextServer server = await RemoteRuns.Serve(o => o.Interceptors.Add<ServerFaults>(faults));

        RunSummary summary = RemoteRuns.Run(RemoteRuns.RemoteConfig(server.Address), ExecutionMode.RealTime, 2);

        RemoteRuns.AssertEveryPeriodAccounted(summary);
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.LatentPublished) > 0);
        Assert.True(faults.Calls > 0);
    }

    [Fact]
    public async Task Run_Delay300ms_TimesOutCountsAndOpensCircuitWhileHeadKeepsRate()
    {
        // 300 ms is past the 60 ms budget that bounds a call: no remote latent can arrive, every call is a counted timeout.
        var faults = new ServerFaults.Plan(TimeSpan.FromMilliseconds(300));
        await using ContextServer server = await RemoteRuns.Serve(o => o.Interceptors.Add<ServerFaults>(faults));

        RunSummary summary = RemoteRuns.Run(RemoteRuns.RemoteConfig(server.Address), ExecutionMode.RealTime, 2);

        RemoteRuns.AssertEveryPeriodAccounted(summary);
        Assert.Equal(0, RemoteRuns.Context(summary, LedgerEntry.LatentPublished));
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.ContextTimeout) > 0, RemoteRuns.Describe(summary));
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.CircuitOpened) > 0, RemoteRuns.Describe(summary));
    }

    [Fact]
    public async Task Run_DroppedReplies_CountsTimeoutsAndStillPublishes()
    {
        // Every second reply is dropped; the others arrive at once.
        var faults = new ServerFaults.Plan(TimeSpan.Zero, DropEvery: 2);
        await using ContextServer server = await RemoteRuns.Serve(o => o.Interceptors.Add<ServerFaults>(faults));

        RunSummary summary = RemoteRuns.Run(RemoteRuns.RemoteConfig(server.Address), ExecutionMode.RealTime, 2);

        RemoteRuns.AssertEveryPeriodAccounted(summary);
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.ContextTimeout) > 0, RemoteRuns.Describe(summary));
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.LatentPublished) > 0);
    }

    [Fact]
    public async Task Run_SlowServer_RepliesPastThePeriodSkipTriggersAndArePublished()
    {
        // A server slower than the 100 ms period, with a deadline and a slow-path timeout that admit it:
        // replies are used, and the triggers that find the previous call still running are skipped (counted).
        var faults = new ServerFaults.Plan(TimeSpan.FromMilliseconds(150));
        await using ContextServer server = await RemoteRuns.Serve(o => o.Interceptors.Add<ServerFaults>(faults));
        var patient = new ResilienceOptions { TimeoutMultiple = 20 };

        RunSummary summary = RemoteRuns.Run(RemoteRuns.RemoteConfig(server.Address, TimeSpan.FromSeconds(1)), ExecutionMode.RealTime, 2, patient);

        RemoteRuns.AssertEveryPeriodAccounted(summary);
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.SkippedTrigger) > 0);
        Assert.True(RemoteRuns.Context(summary, LedgerEntry.LatentPublished) > 0);
        Assert.Equal(0, RemoteRuns.Context(summary, LedgerEntry.ContextTimeout));
    }

    [Fact]
    public async Task Run_ServerStoppedAndRestartedMidRun_CountsFaultsAndRecovers()
    {
        ContextServer server = await RemoteRuns.Serve();
        int port = server.Address.Port;
        ContextServer? restarted = null;
        long publishedBeforeRestart = 0;
        using var done = new CancellationTokenSource();
        Task? chaos = null;
        try
        {
            RunSummary summary = RemoteRuns.Run(
                RemoteRuns.RemoteConfig(server.Address),
                ExecutionMode.RealTime,
                60,
                started: executor => chaos = Task.Run(async () =>
                {
                    RunLedger ledger = executor.Ledger;
                    await Until(() => ledger.Count(LedgerEntry.LatentPublished, "context") >= 2, done.Token);
                    await server.DisposeAsync();
                    await Until(() => ledger.Count(LedgerEntry.ContextFault, "context") >= 2, done.Token);
                    publishedBeforeRestart = ledger.Count(LedgerEntry.LatentPublished, "context");
                    restarted = await RemoteRuns.Serve(port: port);
                    await Until(() => ledger.Count(LedgerEntry.LatentPublished, "context") >= publishedBeforeRestart + 2, done.Token);
                    await done.CancelAsync();
                }),
                cancellation: done.Token);

            await chaos!;
            RemoteRuns.AssertEveryPeriodAccounted(summary);
            Assert.True(RemoteRuns.Context(summary, LedgerEntry.ContextFault) >= 2);
            Assert.True(RemoteRuns.Context(summary, LedgerEntry.LatentPublished) >= publishedBeforeRestart + 2);
        }
        finally
        {
            await server.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    /// <summary>Waits for a count to reach a value (orchestration only: nothing asserts how long it took).</summary>
    private static async Task Until(Func<bool> condition, CancellationToken cancellation)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellation);
        }
    }
}
