using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class ObserverAndReloadTests
{
    [Fact]
    public void Run_Observer_SeesEveryActionTickAndLatentInOrder()
    {
        var observer = new CollectingObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(), observers: [observer]);
        var summary = h.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(summary.Actions, observer.Actions.Count);
        Assert.Equal(1000, observer.Fast.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), observer.Fast.Select(f => f.Tick));
        Assert.Equal(h.Sink.Actions.Select(a => a.Action), observer.Actions.Select(a => a.Action));
        Assert.Equal(10, observer.Slow.Count(s => s.Clock == "context"));
        Assert.All(observer.Slow.Where(s => s.Clock == "context"), s => Assert.Equal(SlowTickOutcome.Completed, s.Outcome));

        // Deterministic handoff: each context latent becomes visible at the next 100 ms boundary.
        var context = observer.Latents.Where(l => l.Clock == "context").ToList();
        Assert.Equal(summary.LatentsPublished["context"], context.Count);
        Assert.Equal(Enumerable.Range(1, context.Count).Select(i => (long)i), context.Select(l => l.Version));
        Assert.All(context, l => Assert.Equal(0, l.PublishedNs % 100_000_000));
    }

    [Fact]
    public void Run_HeadOverBudget_ObserverSeesMissWithBudget()
    {
        var observer = new CollectingObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(), new JitterCostModel(1, 1, headCostNs: 600_000), observers: [observer]);
        h.Run(TimeSpan.FromMilliseconds(20));

        Assert.All(observer.Fast, f => Assert.Equal(FastTickOutcome.Miss, f.Outcome));
        Assert.All(observer.Fast, f => Assert.Equal(500_000, f.BudgetNs));
        Assert.All(observer.Fast, f => Assert.Equal(600_000, f.DecisionNs));
    }

    [Fact]
    public void Run_ObserverThrows_ClockKeepsGoingAndFaultsAreCounted()
    {
        var observer = new CollectingObserver { Throw = true };
        using var h = new Harness(TestProfiles.ThreeLevel(), observers: [observer]);
        var summary = h.Run(TimeSpan.FromMilliseconds(100));

        Assert.Equal(100, h.Sink.Actions.Count);
        Assert.Equal(100, summary.Guards["observer_faults"]);
    }

    [Fact]
    public void Reload_BudgetCut_TakesEffectAtNextTickBoundary()
    {
        // Head costs 400 us: inside the 500 us budget, outside a reloaded 300 us one.
        var observer = new CollectingObserver();
        var profile = TestProfiles.ThreeLevel();
        var costs = new JitterCostModel(1, 1, headCostNs: 400_000);
        using var h = new Harness(profile, costs, observers: [observer]);
        var tighter = profile with { Clocks = [.. profile.Clocks.Select(c => c.Name == "head" ? c with { BudgetUs = 300 } : c)] };
        h.Sink.OnWrite = tick =>
        {
            if (tick == 9)
            {
                h.Executor.Reload(tighter);
            }
        };

        var summary = h.Run(TimeSpan.FromMilliseconds(20));

        // No latent exists yet in the first 20 ms, so on-time ticks are Stale (degraded), not Ok.
        Assert.All(observer.Fast.Take(10), f => Assert.Equal(FastTickOutcome.Stale, f.Outcome));
        Assert.All(observer.Fast.Skip(10), f => Assert.Equal(FastTickOutcome.Miss, f.Outcome));
        Assert.Equal(10, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(1, h.Executor.Reloads);
        Assert.Equal(300, h.Executor.Profile.ActionClock.BudgetUs);
    }

    [Fact]
    public void Reload_ActionLimits_ClampFromNextTick()
    {
        var profile = TestProfiles.ThreeLevel();
        using var h = new Harness(profile);
        var narrow = profile with { Action = profile.Action with { Min = [-0.001, -0.001], Max = [0.001, 0.001] } };
        h.Sink.OnWrite = tick =>
        {
            if (tick == 4)
            {
                h.Executor.Reload(narrow);
            }
        };

        h.Run(TimeSpan.FromMilliseconds(10));

        Assert.All(h.Sink.Actions.Skip(5), a => Assert.All(a.Action, v => Assert.InRange(v, -0.001f, 0.001f)));
        Assert.Contains(h.Sink.Actions.Take(5), a => a.Action.Any(v => Math.Abs(v) > 0.001f));
    }

    [Fact]
    public void Reload_ScheduleChange_IsRefused()
    {
        var profile = TestProfiles.ThreeLevel();
        using var h = new Harness(profile);
        var faster = profile with { Clocks = [.. profile.Clocks.Select(c => c.Name == "context" ? c with { RateHz = 20 } : c)] };

        Assert.Throws<ArgumentException>(() => h.Executor.Reload(faster));
    }
}
