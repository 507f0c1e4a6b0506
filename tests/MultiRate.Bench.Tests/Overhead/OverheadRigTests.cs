using MultiRate.Bench.Overhead;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Bench.Tests.Overhead;

/// <summary>
/// `bench overhead` compares the runtime's fast tick with a bare head loop. The comparison is fair
/// only if the runtime runs in its live regime (fresh latents, not degraded) and the bare loop feeds
/// the head exactly the inputs the runtime feeds it.
/// </summary>
[Collection("rig")]
public class OverheadRigTests
{
    [Fact]
    public void Kept_fresh_the_latent_ages_as_live_and_the_bare_inputs_match_the_runtime_tick_by_tick()
    {
        var ages = new AgeObserver();
        using OverheadRig rig = OverheadRig.Load(BenchInputs.Rates, BenchInputs.Config, ExecutionMode.RealTime, [ages]);
        rig.SeedHeadLatent();
        const int ticks = 1_500;
        Assert.True(rig.KeepLatentFresh(ticks));
        (float[][] observations, float[] ageSeconds) = rig.HeadInputs(ticks);
        for (int i = 0; i < ticks; i++)
        {
            rig.TickFast();
        }

        Assert.Equal(ticks, ages.AgesNs.Count);
        Assert.Equal(0, rig.Executor.Ledger.Total(LedgerEntry.StaleTick));
        Assert.Equal(0, rig.Executor.Ledger.Total(LedgerEntry.DegradedAction)); // not ModelActions == ticks: a tick over its real-time budget holds instead
        for (int i = 0; i < ticks; i++)
        {
            Assert.Equal((float)(ages.AgesNs[i] / 1e9), ageSeconds[i]);
            Assert.Equal(rig.Head.ObservationSize, observations[i].Length);
        }

        // Deterministic handoff at 10 Hz: after the first context tick the latent is 100..200 ms old.
        long period = rig.Profile.BaseTickNs * (rig.Profile.BaseTickHz / 10);
        Assert.All(ages.AgesNs.Skip((int)(2 * period / rig.Profile.ActionClock.PeriodNs)), a => Assert.InRange(a, period, (2 * period) - 1));

        // The rows change over time (a real log sampled slower than the head, not one repeated row).
        Assert.True(observations.Select(o => string.Join(",", o)).Distinct().Count() > 10);
    }

    private sealed class AgeObserver : IRunObserver
    {
        public List<long> AgesNs { get; } = [];

        public void OnFastTick(in FastTickRecord record) => AgesNs.Add(record.LatentAgeNs);

        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
        }

        public void OnSlowTick(in SlowTickRecord record)
        {
        }

        public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
        {
        }
    }
}
