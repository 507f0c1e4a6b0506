using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Tests.Faults;

namespace MultiRate.Scheduling.Tests.Resilience;

public class SlowPathTimeoutTests
{
    // Test profile context clock: 10 Hz, budget 60 ms, declared latency 40 ms -> timeout 2 x 60 = 120 ms.
    private const long TimeoutNs = 120_000_000;

    [Theory]
    [InlineData(long.MaxValue)] // hangs forever
    [InlineData(400_000_000L)] // 10x its 40 ms latency
    public void Run_ContextUpdateLongerThanTimeout_TimesOutAtExactlyTriggerPlusTimeout(long costNs)
    {
        using var h = new FaultHarness(TestProfiles.ThreeLevel(), new ScriptedContext(_ => "ok"), new ContextCostModel(t => t == 0 ? costNs : null));
        var summary = h.Run(TimeSpan.FromMilliseconds(500));

        var context = h.Observer.Slow.Where(s => s.Clock == "context").ToList();
        SlowTickRecord first = context.Single(s => s.Tick == 0 && s.Outcome != SlowTickOutcome.Skipped);
        Assert.Equal(SlowTickOutcome.Faulted, first.Outcome);
        Assert.Equal(TimeoutNs, first.FinishedNs);
        Assert.Equal(SlowTickOutcome.Skipped, context.Single(s => s.Tick == 1).Outcome);
        Assert.Equal(240_000_000, context.Single(s => s.Tick == 2).FinishedNs);
        Assert.Equal(1, summary.Guards["context_timeouts"]);
        Assert.Contains(h.Observer.Faults, f => f.Kind == LedgerEntry.ContextTimeout && f.TimeNs == TimeoutNs && f.Source == "context");
        Assert.True(h.Observer.ExactlyOnePerTick(500));
    }

    [Fact]
    public void Run_ContextUpdateJustInsideTimeout_Completes()
    {
        using var h = new FaultHarness(TestProfiles.ThreeLevel(), new ScriptedContext(_ => "ok"), new ContextCostModel(t => t == 0 ? TimeoutNs - 1_000_000 : null));
        var summary = h.Run(TimeSpan.FromMilliseconds(300));

        SlowTickRecord first = h.Observer.Slow.Single(s => s.Clock == "context" && s.Tick == 0);
        Assert.Equal(SlowTickOutcome.Completed, first.Outcome);
        Assert.Equal(TimeoutNs - 1_000_000, first.FinishedNs);
        Assert.Equal(0, summary.Guards["context_timeouts"]);
    }

    [Fact]
    public void Run_ReloadedBudget_ChangesTimeoutFromNextUpdate()
    {
        // Budget 60 -> 100 ms: timeout 200 ms, so a 150 ms update that timed out before now completes.
        var profile = TestProfiles.ThreeLevel();
        var wider = profile with { Clocks = [.. profile.Clocks.Select(c => c.Name == "context" ? c with { BudgetUs = 100_000 } : c)] };
        using var h = new FaultHarness(profile, new ScriptedContext(_ => "ok"), new ContextCostModel(_ => 150_000_000));
        h.Sink.OnWrite = tick =>
        {
            if (tick == 250)
            {
                h.Executor.Reload(wider);
            }
        };

        h.Run(TimeSpan.FromMilliseconds(700));

        var ran = h.Observer.Slow.Where(s => s.Clock == "context" && s.Outcome != SlowTickOutcome.Skipped).ToList();
        Assert.All(ran.Where(s => s.TimeNs < 250_000_000), s => Assert.Equal(SlowTickOutcome.Faulted, s.Outcome));
        Assert.All(ran.Where(s => s.TimeNs > 250_000_000), s => Assert.Equal(SlowTickOutcome.Completed, s.Outcome));
        Assert.Contains(ran, s => s.TimeNs > 250_000_000);
    }
}
