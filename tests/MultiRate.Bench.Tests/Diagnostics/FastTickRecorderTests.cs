using MultiRate.Bench.Diagnostics;
using MultiRate.Scheduling.Observation;
using MultiRate.Bench.Overhead;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Tests.Diagnostics;

public class FastTickRecorderTests
{
    [Fact]
    public void OnFastTick_AfterWarmUp_RecordsLatenessComputeAndOutcomes()
    {
        long lateness = 0;
        var recorder = new FastTickRecorder(() => lateness, warmUpTicks: 2);
        for (long k = 0; k < 6; k++)
        {
            lateness = (k + 1) * 1_000;
            recorder.OnFastTick(new FastTickRecord(k, k * 1_000_000, 5_000, 5_000, 500_000, k == 4 ? FastTickOutcome.Miss : FastTickOutcome.Ok, 1, 0));
        }

        Assert.Equal(4, recorder.Measured);
        Assert.Equal(4, recorder.WakeUp.Count);
        Assert.Equal(3, recorder.WakeUp.PercentileUs(0), 2);
        Assert.Equal(6, recorder.WakeUp.MaxUs, 2);
        Assert.Equal(1, recorder.Count(FastTickOutcome.Miss));
        Assert.Equal(3, recorder.Count(FastTickOutcome.Ok));
    }

    [Fact]
    public void Run_ShippedProfileInVirtualTime_EveryFastTickAfterWarmUpObserved()
    {
        var recorder = new FastTickRecorder(() => 0, warmUpTicks: 100);
        using OverheadRig rig = OverheadRig.Load(BenchInputs.Rates, BenchInputs.Config, ExecutionMode.Virtual, [recorder]);

        RunSummary s = rig.Executor.Run(new VirtualTimeDriver(rig.SourceStartNs), TimeSpan.FromSeconds(1));

        long fastTicks = s.Clocks.First(c => c.Name == rig.Profile.ActionClock.Name).Ticks;
        Assert.True(fastTicks > 100, $"{fastTicks} fast ticks");
        Assert.Equal(fastTicks - 100, recorder.Measured);
        Assert.Equal(fastTicks - 100, recorder.Compute.Count);
    }

    [Fact]
    public void MissEvents_CountSkippedPeriodsAndLateTicksAfterTheWarmUp()
    {
        var recorder = new FastTickRecorder(() => 0, warmUpTicks: 2);
        void Tick(long k, FastTickOutcome outcome) => recorder.OnFastTick(new FastTickRecord(k, k * 1_000_000, 5_000, 5_000, 500_000, outcome, 1, 0));

        Tick(0, FastTickOutcome.Ok);
        Tick(3, FastTickOutcome.Ok); // warm-up: the 2 skipped before it are not counted
        Tick(4, FastTickOutcome.Dropped); // 1
        Tick(5, FastTickOutcome.Ok);
        Tick(9, FastTickOutcome.Miss); // 3 skipped + itself
        Tick(10, FastTickOutcome.Fault); // a fault is not a deadline miss

        Assert.Equal([1, 4], recorder.MissEvents.Select(e => e.Ticks));
        Assert.True(recorder.MissEvents.All(e => e.Timestamp > 0));
    }
}
