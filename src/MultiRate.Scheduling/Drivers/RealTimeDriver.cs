using System.Reactive.Concurrency;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.RealTime;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Real time: base ticks at wall-clock deadlines on a scheduler that offers <see cref="INanosecondClock"/>
/// and <see cref="ITickScheduler"/> (normally the <see cref="RealTimeScheduler"/>, with its CPU pin and
/// SCHED_FIFO priority); slow updates on their own threads; the deadline watchdog on a dedicated
/// real-time thread; the warm-up before tick 0. <c>Run</c> blocks the caller until the run ends or is cancelled;
/// the stop ramp that follows is waited for at most its length plus a margin (<c>StopRamp.Margin</c>), then
/// the stop is reported as a <c>stop_timeouts</c> fault on the action clock and the run returns.
/// </summary>
public sealed class RealTimeDriver : ClockDriver
{
    /// <summary>The least time from the end of the warm-up to tick 0.</summary>
    public static readonly TimeSpan StartMargin = TimeSpan.FromMilliseconds(10);

    /// <summary>A driver whose base ticks run on <paramref name="scheduler"/> (owned by the caller).</summary>
    public RealTimeDriver(IScheduler scheduler)
        : base(scheduler)
    {
    }

    /// <inheritdoc />
    public override ExecutionMode Mode => ExecutionMode.RealTime;

    /// <summary>Why the deadline watchdog thread's SCHED_FIFO was not applied in the last run, or null.</summary>
    public string? WatchdogPlacementNote { get; private set; }

    internal override ISlowRunner CreateSlowRunner(SlowStage stage, ExecutorOptions options, Func<long> runNowNs) =>
        new ThreadSlowRunner(stage.Clock.Name, runNowNs, options.Recursion, stage.Clock.Cpu, options.Resilience);

    internal override IComputeCostModel? HeadCosts(ExecutorOptions options) => null;

    internal override void BeforeFirstTick(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners) => RealTimeWarmUp.Run(graph, state, runners, Scheduler);

    // At least StartMargin ahead, so the clock thread is up and waiting when tick 0 comes.
    internal override long StartDelayNs(long basePeriodNs) => Math.Max(basePeriodNs, StartMargin.Ticks * 100);

    internal override DeadlineWatchdog? StartWatchdog(FastStage fast, OutputStage output, long tick0Ns, long basePeriodNs, long totalBaseTicks, ExecutorOptions options)
    {
        // Its own thread: the head it guards may be stuck on the clock thread. Monotonic nanoseconds are
        // the one time base of every real-time scheduler, so its deadlines line up with the clock's ticks.
        var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions
        {
            ThreadName = "multirate-watchdog",
            SpinMargin = TimeSpan.FromMicroseconds(50),
            FifoPriority = options.WatchdogFifoPriority,
        });
        WatchdogPlacementNote = scheduler.PlacementNote;
        return new DeadlineWatchdog(scheduler, scheduler, fast, output, tick0Ns, basePeriodNs, totalBaseTicks);
    }

    internal override void Drive(long lastTickNs, ManualResetEventSlim done, CancellationToken cancellation) =>
        WaitHandle.WaitAny([done.WaitHandle, cancellation.WaitHandle]);

    /// <summary>The longest single wait of <see cref="DriveStop"/> before it reads the driver's clock again.</summary>
    internal static readonly TimeSpan StopPollSlice = TimeSpan.FromMilliseconds(1);

    // The bound is read on the driver's own clock (the scheduler's INanosecondClock), so it holds
    // whatever the scheduler, and a test's controlled clock decides it. The wait is in short slices; done
    // ends it at once.
    internal override bool DriveStop(long lastStepNs, long marginNs, ManualResetEventSlim done)
    {
        long bound = lastStepNs + marginNs;
        while (!done.IsSet)
        {
            long left = bound - Clock.NowNs;
            if (left <= 0)
            {
                return done.IsSet;
            }

            done.Wait(TimeSpan.FromTicks(Math.Clamp(left / 100, 1, StopPollSlice.Ticks)));
        }

        return true;
    }

    internal override long StopTimeNs(long nextBaseTick, long basePeriodNs, long runNowNs) => runNowNs;
}
