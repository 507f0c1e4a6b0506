using System.Diagnostics;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Executor;

/// <summary>Real time: a hot-reloaded head budget moves the deadline watchdog's deadlines too.</summary>
public class WatchdogReloadTests
{
    [Fact]
    public void Reload_LongerHeadBudget_WatchdogStopsCuttingTheHeadOff()
    {
        // 100 Hz head whose compute takes 4 ms: over a 2 ms budget (the watchdog sends the hold at the
        // deadline and the late result is dropped), inside an 8 ms one. Only ordering and counts are asserted.
        RateProfile baseProfile = TestProfiles.ThreeLevel(headBudgetUs: 2_000);
        RateProfile profile = baseProfile with
        {
            BaseTickHz = 100,
            Clocks = [.. baseProfile.Clocks.Select(c => c.Name == "head" ? c with { RateHz = 100 } : c)],
        };
        RateProfile longer = profile with { Clocks = [.. profile.Clocks.Select(c => c.Name == "head" ? c with { BudgetUs = 8_000 } : c)] };
        var head = new FakeHead
        {
            Outcome = () =>
            {
                var spin = Stopwatch.StartNew();
                while (spin.Elapsed < TimeSpan.FromMilliseconds(4))
                {
                }

                return ModuleOutcome.Ok;
            },
        };
        var observer = new FastTicks();
        var sink = new RecordingSink();
        long? budgetSeenLate = null;
        long reloadedAt = -1;
        MultiRateExecutor? executor = null;
        sink.OnWrite = tick =>
        {
            // Thresholds, not exact ticks: on a loaded machine the clock skips periods after an
            // overrun, and a skipped tick never reaches the sink.
            if (reloadedAt < 0 && tick >= 30)
            {
                reloadedAt = tick;
                executor!.Reload(longer);
            }
            else if (budgetSeenLate is null && reloadedAt >= 0 && tick >= reloadedAt + 70)
            {
                budgetSeenLate = executor!.WatchdogBudgetNs;
            }
        };
        using (executor = new MultiRateExecutor(
            profile,
            head,
            new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") },
            new RampSensor(),
            sink,
            new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0], Recursion = 1, WarmUpIterations = 1, Observers = [observer] }))
        {
            using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions());
            executor.Run(new RealTimeDriver(scheduler), TimeSpan.FromMilliseconds(1500));
        }

        List<FastTickRecord> fast = observer.Snapshot();

        Assert.Equal(8_000_000, budgetSeenLate);
        Assert.Contains(fast, f => f.Tick < reloadedAt && f.Outcome == FastTickOutcome.Dropped);
        Assert.Contains(fast, f => f.Tick > reloadedAt + 10 && f.Outcome is FastTickOutcome.Ok or FastTickOutcome.Stale);
    }

    /// <summary>Fast-tick records only (the fast thread writes, the test reads after the run).</summary>
    private sealed class FastTicks : IRunObserver
    {
        private readonly List<FastTickRecord> _fast = [];

        public List<FastTickRecord> Snapshot()
        {
            lock (_fast)
            {
                return [.. _fast];
            }
        }

        public void OnAction(long timeNs, long tick, Core.Sensors.ActionKind kind, ReadOnlySpan<float> action)
        {
        }

        public void OnFastTick(in FastTickRecord record)
        {
            lock (_fast)
            {
                _fast.Add(record);
            }
        }

        public void OnSlowTick(in SlowTickRecord record)
        {
        }

        public void OnLatentPublished(string clock, Core.Latent.LatentSnapshot snapshot, long publishedNs)
        {
        }
    }
}
