using MultiRate.Bench.Overhead;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Bench.Tests.Overhead;

/// <summary>
/// The fast tick through the whole runtime with the real TorchSharp head (the shipped default
/// profile and config), driven by the executor's own Tick: no managed allocation and no gen-0
/// collection over 10^5 steady-state ticks. (`multirate soak` runs the long form.)
/// </summary>
[Collection("rig")]
public class SoakFastPathTests
{
    [Fact]
    public void Tick_RealTorchHeadHundredThousandTicks_AllocatesNothingAndCollectsNothing()
    {
        using OverheadRig rig = OverheadRig.Load(BenchInputs.Rates, BenchInputs.Config, ExecutionMode.RealTime);
        rig.SeedHeadLatent();
        Assert.True(rig.KeepLatentFresh(220_000)); // the live regime: the context's latents arrive on time
        for (int i = 0; i < 20_000; i++)
        {
            rig.TickFast(); // JIT tiers, first-call costs
        }

        // Steady state is measured over windows of 10^5 ticks: a per-tick allocation shows in every
        // window, so the last window must be clean. In the full suite a one-off 6,704 B has been seen in
        // the first window only (likely runtime events dispatched on this thread to a JIT event listener
        // another test in the process enabled, during a late tier-up; not yet proven); it is reported
        // and allowed once.
        var windows = new List<(long Allocated, int Gen0)>();
        do
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            int gen0Before = GC.CollectionCount(0);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100_000; i++)
            {
                rig.TickFast();
            }

            windows.Add((GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, GC.CollectionCount(0) - gen0Before));
        }
        while (windows[^1].Allocated != 0 && windows.Count < 2);

        Assert.True(windows[^1] == (0, 0), $"allocated bytes and gen-0 collections per window of 10^5 ticks: {string.Join(", ", windows)}");
        Assert.Equal(20_000 + (100_000 * windows.Count), rig.Executor.Ledger.Total(LedgerEntry.ModelAction) + rig.Executor.Ledger.Total(LedgerEntry.DegradedAction) + rig.Executor.Ledger.Total(LedgerEntry.HoldAction) + rig.Executor.Ledger.Total(LedgerEntry.SafeAction));
        Assert.Equal(0, rig.Executor.Ledger.Total(LedgerEntry.StaleTick));
    }
}
