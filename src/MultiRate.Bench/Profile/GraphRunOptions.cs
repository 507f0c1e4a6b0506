using MultiRate.Runtime.Composition;

namespace MultiRate.Bench.Profile;

/// <summary>How <see cref="GraphRun"/> runs the graph.</summary>
/// <remarks>Plain options; <see cref="GraphRun.Run"/> checks them once.</remarks>
public sealed class GraphRunOptions
{
    /// <summary>Run time whose ticks are counted and sampled (default 10 s).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Run time before that, run but not counted (default 0: the executor warms up before tick 0 anyway).</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.Zero;

    /// <summary>SCHED_FIFO priority of the action clock and the deadline watchdog, as <c>run --fifo-priority</c>; null = normal scheduling.</summary>
    public int? FifoPriority { get; set; }

    /// <summary>The real-time scheduler's spin margin (default 200 us, as <c>run</c>).</summary>
    public TimeSpan SpinMargin { get; set; } = TimeSpan.FromMicroseconds(200);

    /// <summary>Builds the modules; null = the TorchSharp modules a run uses.</summary>
    public IModuleFactory? Modules { get; set; }
}
