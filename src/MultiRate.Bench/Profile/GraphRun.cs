using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Runtime.Sources;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Profile;

/// <summary>
/// Runs the whole graph in real time, every clock at its rate, as <c>multirate run</c> does (the same
/// modules, sensor source, executor options, CPU pin of the action clock and, when asked, SCHED_FIFO
/// priority), and measures each clock's response time per tick.
/// </summary>
/// <remarks>
/// Response time is what a budget is checked against. Action clock: the wake-up lateness of the tick
/// (read from the clock's own scheduler on the clock thread) plus the head's compute, because the
/// deadline watchdog fires at tick time + budget. Context clock: trigger to finished update. A period
/// the clock could not run at all (skipped after an overrun, or a trigger skipped because the previous
/// update still ran) counts as a sample of one period, a lower bound of its response. So the
/// figures carry everything the budgets will face: the other clocks' work on the same cores, the
/// operating system's scheduling, and the run's CPU layout and priority. Blocks the calling thread for
/// the run (warm-up + duration, plus the executor's own start-up warm-up).
/// </remarks>
public static class GraphRun
{
    /// <summary>Runs <paramref name="plan"/> in real time and returns what it measured.</summary>
    /// <param name="plan">The loaded profile and config (the profile's budgets are the deadlines of this run).</param>
    /// <param name="options">Duration, warm-up, priority.</param>
    /// <param name="cancellation">Stops the run early (the summary covers what ran).</param>
    public static GraphRunResult Run(RunPlan plan, GraphRunOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WarmUp, TimeSpan.Zero);
        RateProfile profile = plan.Profile;
        IModuleFactory factory = options.Modules ?? new TorchModuleFactory();
        TimeSpan total = options.WarmUp + options.Duration;
        var runOptions = new MultiRateOptions
        {
            ProfilePath = profile.SourcePath ?? string.Empty,
            ConfigPath = plan.Config.SourcePath ?? string.Empty,
            Mode = ExecutionMode.RealTime,
            Duration = total,
            FifoPriority = options.FifoPriority,
            SpinMargin = options.SpinMargin,
        };
        RealTimeScheduler? scheduler = null;
        var collector = new GraphTickCollector(profile, total, (long)options.WarmUp.TotalNanoseconds, () => scheduler?.CurrentLatenessNs ?? 0);
        using var session = new RunSession(plan, runOptions, factory);
        using ISensorSource source = SensorSourceFactory.Create(plan.Config.Source, plan.Layout);
        plan.Layout.CheckSource(source.Fields, plan.Config.Source ?? "sensor source");
        using PolicyModules modules = factory.Create(profile, plan.Config);
        using var executor = new MultiRateExecutor(profile, modules.Head, modules.Contexts, source, null, session.ExecutorOptionsFor(source.StartNs ?? 0, [collector]));
        RunSummary summary;
        string? placement;
        using (scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions
        {
            SpinMargin = options.SpinMargin,
            Cpu = profile.ActionClock.Cpu,
            ThreadName = "multirate-" + profile.ActionClock.Name,
            FifoPriority = options.FifoPriority,
        }))
        {
            placement = scheduler.PlacementNote;
            summary = executor.Run(new RealTimeDriver(scheduler), total, cancellation);
        }

        var tallies = new List<ClockTally>();
        foreach (ClockDefinition clock in profile.Clocks)
        {
            (long ticks, long misses) = collector.Tally(clock.Name);
            long skipped = summary.Clocks.FirstOrDefault(c => c.Name == clock.Name)?.SkippedPeriods ?? 0;
            collector.AddSkippedPeriods(clock.Name, skipped);
            tallies.Add(new ClockTally(clock.Name, ticks + skipped, misses + skipped));
        }

        return new GraphRunResult(collector.Samples(), tallies, summary, placement);
    }

    /// <summary>
    /// <paramref name="profile"/> with every budget just under its clock's period: the measurement run's
    /// deadlines and slow-path timeouts then never cut an update short, so the samples show the full
    /// response time (not one clipped by the budgets being measured).
    /// </summary>
    public static RateProfile WithPeriodBudgets(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile with
        {
            Clocks = [.. profile.Clocks.Select(c => c with { BudgetUs = Math.Max(1, (c.PeriodNs / 1000) - 1) })],
        };
    }
}
