using MultiRate.Scheduling.Ledger;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Faults;

public class SlowPathFallbackTests
{
    [Fact]
    public void Run_ContextThrowsFromTick3_LastLatentStaysAndAges()
    {
        using var h = new FaultHarness(TestProfiles.ThreeLevel(), new ScriptedContext(t => t >= 3 ? "throw" : "ok"));
        var summary = h.Run(TimeSpan.FromSeconds(1));

        // Ticks 0..2 published versions 1..3; nothing after, so the head keeps reading version 3 (tick 2, 200 ms).
        var latest = h.Executor.Channels["context"].Latest!;
        Assert.Equal(3, latest.Version);
        Assert.Equal(2, latest.SourceTick);
        Assert.Equal(3, summary.LastLatentVersion);
        Assert.True(summary.Guards["context_faults"] >= 3);
        Assert.True(summary.Guards["circuit_open_rejections"] >= 1);
        Assert.Equal(1, summary.Guards["circuit_opened"]);

        // Stale past 200 + 250 ms: the default test policy runs the head degraded.
        Assert.All(h.Observer.Actions.Where(a => a.Tick > 460), a => Assert.Equal(ActionKind.Degraded, a.Kind));
        Assert.True(h.Observer.ExactlyOnePerTick(1000));
    }

    [Fact]
    public void Run_ContextFaultClears_BreakerClosesAndModelActionsResume()
    {
        using var h = new FaultHarness(TestProfiles.ThreeLevel(), new ScriptedContext(t => t is >= 3 and < 10 ? "throw" : "ok"));
        var summary = h.Run(TimeSpan.FromSeconds(3));

        Assert.Equal(1, h.Executor.Ledger.Count(LedgerEntry.CircuitClosed, "context"));
        Assert.Contains(h.Observer.Slow, s => s.Outcome == SlowTickOutcome.Rejected);
        Assert.All(h.Observer.Actions.Where(a => a.Tick >= 2500), a => Assert.Equal(ActionKind.Model, a.Kind));
        Assert.True(h.Observer.ExactlyOnePerTick(3000));
        Assert.Equal(0, summary.Guards["context_timeouts"]);
    }

    [Fact]
    public void Run_ContextReturnsNaN_CountedAndNotPublished()
    {
        using var h = new FaultHarness(TestProfiles.ThreeLevel(onStale: StalePolicy.SafeAction), new ScriptedContext(t => t >= 1 ? "nan" : "ok"));
        var summary = h.Run(TimeSpan.FromMilliseconds(800));

        Assert.Equal(1, h.Executor.Channels["context"].Latest!.Version);
        Assert.True(summary.Guards["context_non_finite"] >= 3);
        Assert.Contains(h.Observer.Faults, f => f.Kind == LedgerEntry.ContextNonFinite);

        // Latent from tick 0 (t = 0) is stale after 250 ms: the safe action goes out from then on.
        Assert.All(h.Observer.Actions.Where(a => a.Tick > 250), a => Assert.Equal(ActionKind.Safe, a.Kind));
        Assert.True(h.Observer.ExactlyOnePerTick(800));
    }
}
