using MultiRate.Cli.Dashboard;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Cli.Tests.Dashboard;

[Collection("cli")]
public class DashboardSamplerTests
{
    [Fact]
    public void Sample_AfterARunWithMisses_EveryFigureEqualsTheSummarys()
    {
        // The shipped demo in virtual time; the head's cost model overruns its budget on every 25th tick.
        var options = new MultiRateOptions
        {
            ProfilePath = Path.Combine(CliRunner.RepoRoot, "rates/default.yaml"),
            ConfigPath = Path.Combine(CliRunner.RepoRoot, "configs/default.yaml"),
            Mode = ExecutionMode.Virtual,
            Duration = TimeSpan.FromMilliseconds(500),
            CostModel = new HeadOverrunsEvery(25),
        };
        using var session = new RunSession(RunPlan.Load(options), options, new TorchModuleFactory());
        MultiRateExecutor? executor = null;
        session.Started += (_, e) => executor = e;

        RunSummary summary = session.Run();
        DashboardSnapshot s = new DashboardSampler(executor!, null, null, "replay", TimeProvider.System).Sample();

        Assert.Equal(20, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(
            summary.Clocks.Select(c => (c.Name, c.Ticks, c.Misses, c.SkippedPeriods, c.Faults)),
            s.Clocks.Select(c => (c.Name, c.Ticks, c.Misses, c.Skipped, c.Faults)));
        // Virtual time skips no period: every clock achieved exactly its rate.
        Assert.All(s.Clocks, c => Assert.Equal(c.RateHz, c.AchievedHz));
        ActionTally a = s.Actions!;
        Assert.Equal(
            (summary.ActionsByKind["model"], summary.ActionsByKind["degraded"], summary.ActionsByKind["hold"], summary.ActionsByKind["safe"], summary.StaleTicks),
            (a.Model, a.Degraded, a.Hold, a.Safe, a.StaleTicks));
        Assert.Equal(a.Fallbacks, a.FallbackReasons.Sum(r => r.Value));
        Assert.Equal([KeyValuePair.Create("deadline_fallbacks", 20L), KeyValuePair.Create("stop_fallbacks", summary.Ledger!.Total(LedgerEntry.FallbackStop))], a.FallbackReasons); // the misses, then the ramp to safe at the end
    }

    /// <summary>Declared latencies, and head ticks 24, 49, ... one nanosecond over the 500 us budget.</summary>
    private sealed class HeadOverrunsEvery(long every) : IComputeCostModel
    {
        public long CostNs(string clock, long tick, long declaredNs) =>
            clock == "head" ? (tick % every == every - 1 ? 500_001 : 0) : DeclaredCostModel.Instance.CostNs(clock, tick, declaredNs);
    }
}
