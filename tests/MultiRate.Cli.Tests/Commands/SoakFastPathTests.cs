using MultiRate.Cli.Commands;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>
/// The fast tick through the whole runtime with the real TorchSharp head (the shipped default
/// profile and config), driven by the executor's own Tick: no managed allocation and no gen-0
/// collection over 10^5 steady-state ticks. (`multirate soak` runs the long form.)
/// </summary>
[Collection("cli")]
public class SoakFastPathTests
{
    [Fact]
    public void Tick_RealTorchHeadHundredThousandTicks_AllocatesNothingAndCollectsNothing()
    {
        CliRunner.InRepoRoot(() =>
        {
            using BenchOverheadRig rig = BenchOverheadRig.Load(null, null, ExecutionMode.RealTime);
            rig.SeedHeadLatent();
            Assert.True(rig.KeepLatentFresh(120_000)); // the live regime: the context's latents arrive on time
            for (int i = 0; i < 20_000; i++)
            {
                rig.TickFast(); // JIT tiers, first-call costs
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            int gen0Before = GC.CollectionCount(0);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100_000; i++)
            {
                rig.TickFast();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            int gen0 = GC.CollectionCount(0) - gen0Before;

            Assert.Equal(0, allocated);
            Assert.Equal(0, gen0);
            Assert.Equal(120_000, rig.Executor.Ledger.Total(LedgerEntry.ModelAction) + rig.Executor.Ledger.Total(LedgerEntry.DegradedAction) + rig.Executor.Ledger.Total(LedgerEntry.HoldAction) + rig.Executor.Ledger.Total(LedgerEntry.SafeAction));
            Assert.Equal(0, rig.Executor.Ledger.Total(LedgerEntry.StaleTick));
        });
    }
}
