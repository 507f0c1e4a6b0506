using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Tests.Reload.Fakes;
using MultiRate.Scheduling.Observation;
using Serilog.Events;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Runtime.Tests.Reload;

public class ProfileWatcherTests
{
    private static ProfileWatcher Watcher(VirtualRun run, CollectingSink log, string path = "/tmp/multirate-test/profile.yaml") =>
        new(path, () => run.Executor.Profile, run.Executor.Reload, log.CreateLogger(), null, null);

    [Fact]
    public void TryApply_BudgetCutAtTick9_MissesStartExactlyAtTick10()
    {
        // The head costs 400 us in virtual time: inside the 500 us budget, outside the edited 300 us one.
        var fast = new FastTickCollector();
        using var run = new VirtualRun(VirtualRun.ProfileText(500), new HeadCost(400_000), [fast]);
        var log = new CollectingSink();
        using var watcher = Watcher(run, log);
        ReloadResult? result = null;
        run.Sink.OnWrite = tick =>
        {
            if (tick == 9)
            {
                result = watcher.TryApply(VirtualRun.ProfileText(300));
            }
        };

        var summary = run.Run(TimeSpan.FromMilliseconds(20));

        Assert.Equal(ReloadOutcome.Applied, result!.Outcome);
        Assert.Equal(["clocks.head.budget_us 500 -> 300"], result.Changes);
        Assert.All(fast.Fast.Take(10), f => Assert.NotEqual(FastTickOutcome.Miss, f.Outcome));
        Assert.All(fast.Fast.Take(10), f => Assert.Equal(500_000, f.BudgetNs));
        Assert.All(fast.Fast.Skip(10), f => Assert.Equal(FastTickOutcome.Miss, f.Outcome));
        Assert.All(fast.Fast.Skip(10), f => Assert.Equal(300_000, f.BudgetNs));
        Assert.Equal(10, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(300, run.Executor.Profile.ActionClock.BudgetUs);
        LogEvent line = Assert.Single(log.Events, e => e.Level == LogEventLevel.Information);
        Assert.Contains("clocks.head.budget_us 500 -> 300", line.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryApply_RateChange_RejectedWithWarningAndOldBudgetStays()
    {
        var fast = new FastTickCollector();
        using var run = new VirtualRun(VirtualRun.ProfileText(500), new HeadCost(400_000), [fast]);
        var log = new CollectingSink();
        using var watcher = Watcher(run, log);
        ReloadResult? result = null;
        run.Sink.OnWrite = tick =>
        {
            if (tick == 4)
            {
                // A budget cut that would cause misses, plus a schedule change that needs a restart: all or nothing.
                result = watcher.TryApply(VirtualRun.ProfileText(300, contextRateHz: "5"));
            }
        };

        var summary = run.Run(TimeSpan.FromMilliseconds(20));

        Assert.Equal(ReloadOutcome.Rejected, result!.Outcome);
        string error = Assert.Single(result.Errors);
        Assert.Contains("clocks.context.rate_hz", error, StringComparison.Ordinal);
        Assert.Contains("restart", error, StringComparison.Ordinal);
        Assert.All(fast.Fast, f => Assert.Equal(500_000, f.BudgetNs));
        Assert.Equal(0, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(0, run.Executor.Reloads);
        LogEvent warning = Assert.Single(log.Events, e => e.Level == LogEventLevel.Warning);
        Assert.Contains("clocks.context.rate_hz", warning.RenderMessage(), StringComparison.Ordinal);
        Assert.Equal(1, watcher.Rejected);
    }

    [Fact]
    public void TryApply_NegativeBudgetAndBadPolicy_EveryErrorListedNothingApplied()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        using var watcher = Watcher(run, log);
        string text = VirtualRun.ProfileText(-5).Replace("overrun: hold", "overrun: sometimes", StringComparison.Ordinal);

        ReloadResult result = watcher.TryApply(text);
        run.Run(TimeSpan.FromMilliseconds(5));

        Assert.Equal(ReloadOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains("budget_us", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("overrun", StringComparison.Ordinal));
        Assert.Equal(500, run.Executor.Profile.ActionClock.BudgetUs);
        Assert.Equal(0, run.Executor.Reloads);
        Assert.Contains(log.Events, e => e.Level == LogEventLevel.Warning);
    }

    [Fact]
    public void TryApply_SameValuesReformatted_UnchangedAndNothingApplied()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        using var watcher = Watcher(run, log);

        ReloadResult result = watcher.TryApply("# a comment\n" + VirtualRun.ProfileText(500));

        Assert.Equal(ReloadOutcome.Unchanged, result.Outcome);
        Assert.Equal(0, watcher.Applied);
        Assert.DoesNotContain(log.Events, e => e.Level >= LogEventLevel.Information);
    }

    [Fact]
    public void TryApply_TwoEditsBeforeNextTick_SecondDiffedAgainstFirst()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        using var watcher = Watcher(run, log);

        watcher.TryApply(VirtualRun.ProfileText(400));
        ReloadResult second = watcher.TryApply(VirtualRun.ProfileText(450));
        run.Run(TimeSpan.FromMilliseconds(2));

        Assert.Equal(["clocks.head.budget_us 400 -> 450"], second.Changes);
        Assert.Equal(450, run.Executor.Profile.ActionClock.BudgetUs);
    }

    [Fact]
    public void ReloadFromFile_SameBytesTwice_AppliedOnce()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        string dir = Path.Combine(Path.GetTempPath(), "multirate-reload-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "profile.yaml");
        File.WriteAllText(path, VirtualRun.ProfileText(500));
        using var watcher = Watcher(run, log, path);
        watcher.Start();

        File.WriteAllText(path, VirtualRun.ProfileText(350));
        watcher.ReloadFromFile();
        watcher.ReloadFromFile();

        Assert.Equal(1, watcher.Applied);
        Assert.Equal(ReloadOutcome.Applied, watcher.LastResult!.Outcome);
        Assert.Single(log.Events, e => e.Level == LogEventLevel.Information);
    }

    private sealed class HeadCost(long headNs) : MultiRate.Scheduling.Executor.IComputeCostModel
    {
        public long CostNs(string clock, long tick, long declaredNs) => clock == "head" ? headNs : declaredNs;
    }
}
