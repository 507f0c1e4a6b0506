using System.Reactive.Concurrency;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Advances a run's time: the only thing that decides how the graph's clocks are paced. Two drivers
/// exist: <see cref="RealTimeDriver"/> (wall-clock deadlines, slow modules on worker threads, the
/// deadline watchdog on its own thread, warm-up before tick 0) and <see cref="VirtualTimeDriver"/>
/// (integer-nanosecond virtual time on the log's timestamps, declared latencies and the cost model).
/// </summary>
/// <remarks>
/// The driver books base tick k at <c>tick0 + k * base</c> on its scheduler's <see cref="ITickScheduler"/>
/// and hands k to the graph's tick; the graph never reads a clock to learn which tick it is. Time comes
/// only from the driver's scheduler (its <see cref="INanosecondClock"/>); capabilities are asked for
/// through <see cref="IServiceProvider.GetService"/>, never by testing the scheduler's type.
/// A driver object serves one run.
/// </remarks>
public abstract class ClockDriver
{
    private protected ClockDriver(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Scheduler = scheduler;
        Clock = scheduler.RequireCapability<INanosecondClock>();
        Ticks = scheduler.RequireCapability<ITickScheduler>();
    }

    /// <summary>The scheduler the graph's base ticks run on.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Which kind of time this driver keeps (reported in the run summary).</summary>
    public abstract ExecutionMode Mode { get; }

    /// <summary>The scheduler's time, ns.</summary>
    internal INanosecondClock Clock { get; }

    /// <summary>The scheduler's booked periodic work.</summary>
    internal ITickScheduler Ticks { get; }

    /// <summary>How a slow clock's updates run under this driver.</summary>
    /// <param name="stage">The slow stage.</param>
    /// <param name="options">The graph's options (recursion, resilience, cost model).</param>
    /// <param name="runNowNs">Run time now (ns since tick 0).</param>
    internal abstract ISlowRunner CreateSlowRunner(SlowStage stage, ExecutorOptions options, Func<long> runNowNs);

    /// <summary>The head's compute costs for the deadline decision: the cost model in virtual time, null (measured) in real time.</summary>
    internal abstract IComputeCostModel? HeadCosts(ExecutorOptions options);

    /// <summary>Everything before tick 0 is booked (real time: the warm-up).</summary>
    internal abstract void BeforeFirstTick(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners);

    /// <summary>From now to tick 0, ns.</summary>
    internal abstract long StartDelayNs(long basePeriodNs);

    /// <summary>Starts the deadline watchdog for a run whose tick 0 is <paramref name="tick0Ns"/>, or returns null when this driver needs none.</summary>
    internal abstract DeadlineWatchdog? StartWatchdog(FastStage fast, OutputStage output, long tick0Ns, long basePeriodNs, long totalBaseTicks, ExecutorOptions options);

    /// <summary>Books the graph's base ticks.</summary>
    internal virtual IDisposable ScheduleBaseTicks(long tick0Ns, long basePeriodNs, Action<long> tick) => Ticks.ScheduleTicks(tick0Ns, basePeriodNs, tick);

    /// <summary>Runs the clock until the last tick (<paramref name="lastTickNs"/>) has run, <paramref name="done"/> is set or the run is cancelled.</summary>
    internal abstract void Drive(long lastTickNs, ManualResetEventSlim done, CancellationToken cancellation);

    /// <summary>
    /// The stop ramp's wait: runs the clock until <paramref name="done"/> is set or the clock passes
    /// <paramref name="lastStepNs"/> + <paramref name="marginNs"/>, whichever comes first.
    /// </summary>
    /// <returns>True when <paramref name="done"/> was set; false when the bound passed first.</returns>
    /// <remarks>
    /// By default <see cref="Drive"/> to the bound: a clock that runs its work up to a time (virtual time)
    /// cannot stall, so the bound only matters when late wake-ups skipped the ramp's last step (the snap
    /// then runs at the next step, within the margin). A driver whose <see cref="Drive"/> has no bound
    /// (real time) overrides it.
    /// </remarks>
    internal virtual bool DriveStop(long lastStepNs, long marginNs, ManualResetEventSlim done)
    {
        Drive(lastStepNs + marginNs, done, CancellationToken.None);
        return done.IsSet;
    }

    /// <summary>When the safe action of an early stop goes out, run time ns.</summary>
    /// <param name="nextBaseTick">The first base tick that did not run.</param>
    /// <param name="basePeriodNs">The base period.</param>
    /// <param name="runNowNs">Run time now.</param>
    internal abstract long StopTimeNs(long nextBaseTick, long basePeriodNs, long runNowNs);
}
