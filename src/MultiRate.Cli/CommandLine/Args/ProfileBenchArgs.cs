namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench profile</c>, bound from the command line.</summary>
internal sealed record ProfileBenchArgs
{
    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--warmup</c>.</summary>
    public int? Warmup { get; init; }

    /// <summary><c>--samples</c>.</summary>
    public int? Samples { get; init; }

    /// <summary><c>--quantile</c>.</summary>
    public double? Quantile { get; init; }

    /// <summary><c>--margin</c>.</summary>
    public double? Margin { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--raw</c>.</summary>
    public bool Raw { get; init; }

    /// <summary><c>--fifo-priority</c>.</summary>
    public int? FifoPriority { get; init; }
}
