namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>tune</c>, bound from the command line.</summary>
internal sealed record TuneArgs
{
    /// <summary>The rate profile.</summary>
    public required string Path { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--from</c>: a saved <c>bench profile --json</c>.</summary>
    public string? From { get; init; }

    /// <summary><c>--write</c>.</summary>
    public bool Write { get; init; }

    /// <summary><c>--lower-rates</c>.</summary>
    public bool LowerRates { get; init; }

    /// <summary><c>--quantile</c>.</summary>
    public double? Quantile { get; init; }

    /// <summary><c>--margin</c>.</summary>
    public double? Margin { get; init; }

    /// <summary><c>--warmup</c>.</summary>
    public int? Warmup { get; init; }

    /// <summary><c>--samples</c>.</summary>
    public int? Samples { get; init; }

    /// <summary><c>--fifo-priority</c>.</summary>
    public int? FifoPriority { get; init; }

    /// <summary><c>--from-recording</c>: a <c>run --record</c> MCAP file.</summary>
    public string? FromRecording { get; init; }

    /// <summary><c>--confirm-seconds</c>.</summary>
    public double? ConfirmSeconds { get; init; }

    /// <summary><c>--force</c>.</summary>
    public bool Force { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
