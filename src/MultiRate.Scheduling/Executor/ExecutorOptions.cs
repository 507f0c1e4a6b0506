using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Executor;

/// <summary>How to build and run one executor graph (how time is paced is the <see cref="Drivers.ClockDriver"/>'s choice).</summary>
public sealed record ExecutorOptions
{
    /// <summary>Indices into the sensor vector of the head's observation fields.</summary>
    public required int[] HeadFields { get; init; }

    /// <summary>Indices into the sensor vector of the context modules' observation fields.</summary>
    public required int[] ContextFields { get; init; }

    /// <summary>Virtual-time compute costs (default: declared latencies, head free).</summary>
    public IComputeCostModel CostModel { get; init; } = DeclaredCostModel.Instance;

    /// <summary>Sensor time of executor time 0 (e.g. a log's start), in ns.</summary>
    public long SensorTimeOffsetNs { get; init; }

    /// <summary>K: recursion steps of the context modules (fixed in deterministic mode, the cap in anytime mode).</summary>
    public int Recursion { get; init; } = 8;

    /// <summary>
    /// A watchdog emits the hold or safe action at the head's deadline when the head has produced
    /// nothing by then (default true). The real-time driver runs it on its own thread; the virtual-time
    /// driver runs it on the virtual scheduler when it models late wake-ups (otherwise no tick is late).
    /// </summary>
    public bool DeadlineWatchdog { get; init; } = true;

    /// <summary>
    /// Real time: SCHED_FIFO priority (1-99) of the deadline watchdog's thread, normally the same as the
    /// action clock's scheduler thread, so a normal-priority thread cannot hold the fallback back; null =
    /// normal scheduling. The watchdog is deliberately not pinned to the head's CPU: it spins briefly before
    /// each deadline, which on that CPU would take time from the head (or, at a higher priority, preempt it).
    /// A refusal (no CAP_SYS_NICE) leaves it at normal priority.
    /// </summary>
    public int? WatchdogFifoPriority { get; init; }

    /// <summary>
    /// Head warm-up calls before deadlines are armed (real time only; virtual time needs none). Above 0 the
    /// graph, the slow runners and the clock thread are warmed too (see the executor); 0 warms only the modules.
    /// </summary>
    public int WarmUpIterations { get; init; } = 200;

    /// <summary>Slow-path resilience (timeout, circuit breaker) and sensor-guard limits (defaults derived from each clock).</summary>
    public Resilience.ResilienceOptions Resilience { get; init; } = Scheduling.Resilience.ResilienceOptions.Default;

    /// <summary>
    /// At the run's end (its duration reached, or a replay's log or time window ended) the clock keeps
    /// ticking until the action sent is the profile's safe action, reached within the rate limits, as on a
    /// stop signal (default true: every run hands the robot back on the safe action; the ramp's actions
    /// are safe-kind stop fallbacks, each in a period of its own). Turn it off only for a run that is one
    /// segment of a longer one (a simulator stepping in segments), which must not pull the robot to safe
    /// between segments. A cancelled run always ramps.
    /// </summary>
    public bool RampToSafeAtEnd { get; init; } = true;

    /// <summary>Observers of every action, tick and latent (recorders, metrics); empty by default.</summary>
    public IReadOnlyList<IRunObserver> Observers { get; init; } = [];
}
