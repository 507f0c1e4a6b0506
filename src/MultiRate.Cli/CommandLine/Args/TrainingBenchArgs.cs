namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench training</c>, bound from the command line.</summary>
internal sealed record TrainingBenchArgs
{
    /// <summary><c>--seeds</c>.</summary>
    public int? Seeds { get; init; }

    /// <summary><c>--epochs</c>.</summary>
    public int? Epochs { get; init; }

    /// <summary><c>--seconds</c>: length of the simulated log.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--tasks</c>: comma-separated name or profile filters.</summary>
    public string? Tasks { get; init; }

    /// <summary><c>--out</c>: keep the simulated log and the trained weights here.</summary>
    public string? Out { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
