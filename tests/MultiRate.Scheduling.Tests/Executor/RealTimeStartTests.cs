using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class RealTimeStartTests
{
    [Fact]
    public void Run_WatchdogThreadSlowToStart_TheFirstPeriodsStillGetAnAction()
    {
        // Real time used to book tick 0 after starting the watchdog's thread: when that took longer than the
        // start margin, tick 0 was already past when booked, the first wake-up skipped the first ticks and
        // they got no action. Here the watchdog's start takes 20 ms of (virtual) time, as a thread start on a
        // loaded machine can, while the clock thread, already running, keeps its booked ticks.
        using var h = new Harness(TestProfiles.ThreeLevel(), rampAtEnd: true);

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(100), new SlowWatchdogStartDriver(startCostNs: 20_000_000));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), h.Sink.Actions.Take(100).Select(a => a.Tick));
        Assert.Equal(0, summary.Ledger!.Of(LedgerEntry.PeriodWithoutAction, "head"));
        Assert.Equal(0, summary.Ledger!.Of(LedgerEntry.SkippedPeriod, "head"));
        Assert.Equal(1, summary.Ledger!.Of(LedgerEntry.Tick, "planner")); // its only tick, at base tick 0, ran
        Assert.All(ClockPeriods.Of(summary.Ledger!), c => Assert.True(c.Balanced, c.ToString()));
    }

    /// <summary>Virtual time whose clock wakes late as a real one does (booked in the past: whole periods skipped) and whose watchdog takes time to start.</summary>
    private sealed class SlowWatchdogStartDriver(long startCostNs) : ClockDriver(new VirtualNsScheduler(0))
    {
        private VirtualNsScheduler Virtual => (VirtualNsScheduler)Scheduler;

        public override ExecutionMode Mode => ExecutionMode.Virtual;

        internal override ISlowRunner CreateSlowRunner(SlowStage stage, ExecutorOptions options, Func<long> runNowNs) =>
            new VirtualSlowRunner(Virtual, runNowNs, options.CostModel, options.Recursion, options.Resilience);

        internal override IComputeCostModel? HeadCosts(ExecutorOptions options) => options.CostModel;

        internal override void BeforeFirstTick(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners)
        {
        }

        internal override long StartDelayNs(long basePeriodNs) => basePeriodNs;

        internal override DeadlineWatchdog? StartWatchdog(FastStage fast, OutputStage output, long tick0Ns, long basePeriodNs, long totalBaseTicks, ExecutorOptions options)
        {
            // The other threads run meanwhile: work booked before now runs as time passes.
            Virtual.AdvanceBy(startCostNs);
            return new DeadlineWatchdog(Virtual, null, fast, output, tick0Ns, basePeriodNs, totalBaseTicks);
        }

        internal override IDisposable ScheduleBaseTicks(long tick0Ns, long basePeriodNs, Action<long> tick) =>
            Virtual.ScheduleTicks(tick0Ns, basePeriodNs, tick, _ => 0);

        internal override void Drive(long lastTickNs, ManualResetEventSlim done, CancellationToken cancellation) => Virtual.AdvanceUntil(lastTickNs, done);

        internal override long StopTimeNs(long nextBaseTick, long basePeriodNs, long runNowNs) => nextBaseTick * basePeriodNs;
    }
}
