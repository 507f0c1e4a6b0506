using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Virtual time: a <see cref="VirtualNsScheduler"/> on the log's timestamps, advanced by the caller's
/// thread as fast as the models allow; slow updates take their declared latency (or the cost model's),
/// the head's deadline decision uses the cost model. Deterministic: the same log gives the same actions.
/// </summary>
/// <remarks>
/// Executes the schedule calendar (<c>docs/schedule-calendar.md</c>): the base ticks are a tick line
/// on the scheduler, not Rx periodic work; queued work (slow completions, Polly timeouts) due at or
/// before a base tick runs before it, and the graph's tick runs steps 1-4. The run's cancellation token
/// is read before every base tick, so a cancelled replay ends at the next one, however many remain.
/// The deadline watchdog runs on the same virtual scheduler when base ticks can wake late
/// (<see cref="WakeLatenessNs"/>) and the graph's options ask for it; otherwise every tick wakes on
/// time, the head has always claimed its tick before the deadline and the watchdog would only cost
/// queue work.
/// </remarks>
public sealed class VirtualTimeDriver : ClockDriver
{
    private readonly VirtualNsScheduler _scheduler;

    /// <summary>A driver on a fresh virtual clock that starts at <paramref name="startNs"/> (e.g. the log's first timestamp).</summary>
    public VirtualTimeDriver(long startNs = 0)
        : this(new VirtualNsScheduler(startNs))
    {
    }

    /// <summary>A driver on <paramref name="scheduler"/>.</summary>
    public VirtualTimeDriver(VirtualNsScheduler scheduler)
        : base(scheduler)
    {
        _scheduler = scheduler;
    }

    /// <summary>
    /// How late base tick k wakes, ns (null: never). Models a real-time clock's late wake-ups exactly:
    /// a wake past the next deadline skips whole periods (counted), and the deadline watchdog runs.
    /// </summary>
    public Func<long, long>? WakeLatenessNs { get; init; }

    /// <inheritdoc />
    public override ExecutionMode Mode => ExecutionMode.Virtual;

    internal override ISlowRunner CreateSlowRunner(SlowStage stage, ExecutorOptions options, Func<long> runNowNs) =>
        new VirtualSlowRunner(_scheduler, runNowNs, options.CostModel, options.Recursion, options.Resilience);

    internal override IComputeCostModel? HeadCosts(ExecutorOptions options) => options.CostModel;

    internal override void BeforeFirstTick(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners)
    {
    }

    internal override long StartDelayNs(long basePeriodNs) => basePeriodNs;

    internal override DeadlineWatchdog? StartWatchdog(FastStage fast, OutputStage output, long tick0Ns, long basePeriodNs, long totalBaseTicks, ExecutorOptions options) =>
        WakeLatenessNs is null ? null : new DeadlineWatchdog(_scheduler, null, fast, output, tick0Ns, basePeriodNs, totalBaseTicks);

    internal override IDisposable ScheduleBaseTicks(long tick0Ns, long basePeriodNs, Action<long> tick) =>
        _scheduler.ScheduleTicks(tick0Ns, basePeriodNs, tick, WakeLatenessNs);

    // Ends with the work that set done, or before the first base tick after a cancellation, its clock
    // left at the last work's time: a cancelled run's stop ramp then starts at the next base tick, not
    // after stepping through every tick that remained.
    internal override void Drive(long lastTickNs, ManualResetEventSlim done, CancellationToken cancellation) => _scheduler.AdvanceUntil(lastTickNs, done, cancellation);

    internal override long StopTimeNs(long nextBaseTick, long basePeriodNs, long runNowNs) => nextBaseTick * basePeriodNs;
}
