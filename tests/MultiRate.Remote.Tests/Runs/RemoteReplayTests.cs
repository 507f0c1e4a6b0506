using MultiRate.Remote.Server;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Remote.Tests.Runs;

/// <summary>
/// In virtual time the profile's declared latency stands in for the network: a replay whose context is
/// served computes the same actions, bit for bit, as the in-process replay.
/// </summary>
public sealed class RemoteReplayTests
{
    [Fact]
    public async Task Replay_RemoteContext_EqualsInProcessReplayBitwise()
    {
        await using ContextServer server = await RemoteRuns.Serve();

        RunSummary remote = RemoteRuns.Run(RemoteRuns.RemoteConfig(server.Address), ExecutionMode.Virtual, 3);
        var options = new MultiRateOptions { Mode = ExecutionMode.Virtual, Duration = TimeSpan.FromSeconds(3) };
        using var session = new RunSession(new RunPlan(RemoteRuns.Profile(), RemoteRuns.DefaultConfig()), options, new TorchModuleFactory());
        RunSummary local = session.Run();

        Assert.Equal(local.ActionsSha256, remote.ActionsSha256);
        Assert.Equal(local.Ledger!.Of(LedgerEntry.LatentPublished, "context"), RemoteRuns.Context(remote, LedgerEntry.LatentPublished));
        Assert.True(RemoteRuns.Context(remote, LedgerEntry.LatentPublished) > 20);
        Assert.Equal(0, RemoteRuns.Context(remote, LedgerEntry.ContextFault) + RemoteRuns.Context(remote, LedgerEntry.ContextTimeout));
        RemoteRuns.AssertEveryPeriodAccounted(remote);
    }
}
