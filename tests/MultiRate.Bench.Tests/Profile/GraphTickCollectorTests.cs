using MultiRate.Bench.Profile;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Observation;
using MultiRate.Bench.Tests.Tuning;

namespace MultiRate.Bench.Tests.Profile;

public sealed class GraphTickCollectorTests
{
    private static readonly RateProfile Profile = RateProfileLoader.Load(Path.Combine(TuningRepo.Root, "rates", "default.yaml"));

    [Fact]
    public void OnFastTick_HeadRan_SamplesLatenessPlusComputeAndCountsMisses()
    {
        long lateness = 0;
        var collector = new GraphTickCollector(Profile, TimeSpan.FromSeconds(1), fromNs: 2_000_000, () => lateness);

        lateness = 40_000;
        collector.OnFastTick(Fast(tick: 1, timeNs: 1_000_000, latencyNs: 10_000, FastTickOutcome.Ok)); // warm-up: not counted
        lateness = 30_000;
        collector.OnFastTick(Fast(tick: 2, timeNs: 2_000_000, latencyNs: 20_000, FastTickOutcome.Ok));
        lateness = -5_000; // woke early: no negative lateness
        collector.OnFastTick(Fast(tick: 3, timeNs: 3_000_000, latencyNs: 7_000, FastTickOutcome.Miss));
        collector.OnFastTick(Fast(tick: 4, timeNs: 4_000_000, latencyNs: 900_000, FastTickOutcome.Dropped));
        collector.OnFastTick(Fast(tick: 5, timeNs: 5_000_000, latencyNs: 0, FastTickOutcome.StaleSafe)); // head did not run
        collector.OnFastTick(Fast(tick: 6, timeNs: 6_000_000, latencyNs: 8_000, FastTickOutcome.Fault)); // a fault, not a miss

        Assert.Equal([50.0, 7.0, 900.0, 8.0], collector.Samples()["head"]);
        Assert.Equal((5L, 2L), collector.Tally("head"));
    }

    [Fact]
    public void OnSlowTick_Context_SamplesTriggerToFinishAndCountsLateSkippedAndFailedUpdates()
    {
        var collector = new GraphTickCollector(Profile, TimeSpan.FromSeconds(1), fromNs: 0, () => 0);
        long budget = 60_000_000;

        collector.OnSlowTick(Slow(0, timeNs: 0, finishedNs: 2_000_000, budget, SlowTickOutcome.Completed));
        collector.OnSlowTick(Slow(1, timeNs: 100_000_000, finishedNs: 170_000_000, budget, SlowTickOutcome.Completed)); // late
        collector.OnSlowTick(Slow(2, timeNs: 200_000_000, finishedNs: 200_000_000, budget, SlowTickOutcome.Skipped));
        collector.OnSlowTick(Slow(3, timeNs: 300_000_000, finishedNs: 301_000_000, budget, SlowTickOutcome.Faulted));

        Assert.Equal([2000.0, 70000.0, 100000.0], collector.Samples()["context"]); // the skipped trigger: one 100 ms period
        Assert.Equal((4L, 3L), collector.Tally("context"));
        Assert.False(collector.Samples().ContainsKey("planner"));
        Assert.Equal((0L, 0L), collector.Tally("planner"));
    }

    [Fact]
    public void AddSkippedPeriods_Head_AddsOnePeriodPerSkippedPeriod()
    {
        var collector = new GraphTickCollector(Profile, TimeSpan.FromSeconds(1), fromNs: 0, () => 0);
        collector.OnFastTick(Fast(tick: 0, timeNs: 0, latencyNs: 20_000, FastTickOutcome.Ok));

        collector.AddSkippedPeriods("head", 2);

        Assert.Equal([20.0, 1000.0, 1000.0], collector.Samples()["head"]);
    }

    [Fact]
    public void Add_PastTheCapacity_DropsAndCounts()
    {
        // 1 ms of a 1 Hz planner: capacity ceil(0.001) + 2 = 3 samples.
        var collector = new GraphTickCollector(Profile, TimeSpan.FromMilliseconds(1), fromNs: 0, () => 0);

        for (int i = 0; i < 5; i++)
        {
            collector.OnSlowTick(Slow(i, timeNs: i, finishedNs: i + 1000, 400_000_000, SlowTickOutcome.Completed));
        }

        Assert.Equal(3, collector.Samples()["planner"].Length);
        Assert.Equal(2, collector.Dropped);
        Assert.Equal((5L, 0L), collector.Tally("planner"));
    }

    private static FastTickRecord Fast(long tick, long timeNs, long latencyNs, FastTickOutcome outcome) =>
        new(tick, timeNs, latencyNs, latencyNs, 500_000, outcome, 1, 0);

    private static SlowTickRecord Slow(long tick, long timeNs, long finishedNs, long budgetNs, SlowTickOutcome outcome, string clock = "") =>
        new(clock.Length == 0 ? (budgetNs == 400_000_000 ? "planner" : "context") : clock, tick, timeNs, finishedNs, finishedNs - timeNs, budgetNs, outcome, 6);
}
