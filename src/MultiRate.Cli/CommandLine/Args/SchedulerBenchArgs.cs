namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench scheduler</c>, bound from the command line.</summary>
internal sealed record SchedulerBenchArgs
{
    /// <summary><c>--hz</c>.</summary>
    public double? Hz { get; init; }

    /// <summary><c>--seconds</c>: each side.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--spin-margin-us</c>.</summary>
    public double? SpinMarginUs { get; init; }

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
