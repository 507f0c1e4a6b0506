namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench all</c>, bound from the command line.</summary>
internal sealed record BenchAllArgs
{
    /// <summary><c>--out</c>: the JSON file to write.</summary>
    public string? Out { get; init; }

    /// <summary><c>--seconds</c>: the wake-up run.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
