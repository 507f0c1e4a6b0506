namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench wakeup</c>, bound from the command line.</summary>
internal sealed record WakeupBenchArgs
{
    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--seconds</c>.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--spin-margin-us</c>.</summary>
    public double? SpinMarginUs { get; init; }

    /// <summary><c>--fifo-priority</c>.</summary>
    public int? FifoPriority { get; init; }

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
