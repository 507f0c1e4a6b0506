namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>inspect</c>, bound from the command line.</summary>
internal sealed record InspectArgs
{
    /// <summary>The log.</summary>
    public required string Path { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--allow-truncated</c>.</summary>
    public bool AllowTruncated { get; init; }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>: how the log is opened.</summary>
    public MultiRate.Logs.SensorLogOptions LogReading { get; init; } = new();
}
