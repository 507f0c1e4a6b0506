using MultiRate.Scheduling.Executor;

namespace MultiRate.Runtime.Composition;

/// <summary>What to run: the profile, the model config, the sensor source and the clock.</summary>
/// <remarks>Paths are resolved against the current directory. Defaults are the shipped demo.</remarks>
public sealed class MultiRateOptions
{
    /// <summary>Rate profile path (default <c>rates/default.yaml</c>).</summary>
    public string ProfilePath { get; set; } = "rates/default.yaml";

    /// <summary>Model config path (default <c>configs/default.yaml</c>).</summary>
    public string ConfigPath { get; set; } = "configs/default.yaml";

    /// <summary>A sensor log to replay; overrides the config's <c>source</c>.</summary>
    public string? LogPath { get; set; }

    /// <summary>Real time or virtual time.</summary>
    public ExecutionMode Mode { get; set; } = ExecutionMode.RealTime;

    /// <summary>Run length; null = the log's length (replay) or 5 s (real time).</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Spin margin of the real-time scheduler.</summary>
    public TimeSpan SpinMargin { get; set; } = TimeSpan.FromMicroseconds(200);

    /// <summary>
    /// Real time: SCHED_FIFO priority (1-99) of the action clock's thread and the deadline watchdog's
    /// thread; null (default) = normal scheduling (the <c>run</c> command asks for 80). Needs CAP_SYS_NICE
    /// (or an rtprio limit): when the OS refuses, the run goes on at normal priority and the summary's
    /// <see cref="Scheduling.Stats.RunSummary.Priority"/> says what it got and why.
    /// </summary>
    public int? FifoPriority { get; set; }

    /// <summary>Virtual-time compute costs (null = the profile's declared latencies).</summary>
    public IComputeCostModel? CostModel { get; set; }

    /// <summary>
    /// Replay: keep going past a damaged (truncated or corrupt) log, up to the damage, instead of
    /// failing; the summary reports how much was replayed.
    /// </summary>
    public bool AllowTruncated { get; set; }

    /// <summary>
    /// How the replayed log is opened: ROS 2 message-definition folders, and a CSV file's time column
    /// and unit. <see cref="AllowTruncated"/> overrides its own flag.
    /// </summary>
    public Logs.SensorLogOptions LogReading { get; set; } = new();

    /// <summary>Slow-path resilience (timeout, circuit breaker); null: the defaults derived from each clock's budget.</summary>
    public Scheduling.Resilience.ResilienceOptions? Resilience { get; set; }
}
