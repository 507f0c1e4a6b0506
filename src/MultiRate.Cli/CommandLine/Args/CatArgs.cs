namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>cat</c>, bound from the command line.</summary>
internal sealed record CatArgs
{
    /// <summary>The log.</summary>
    public required string Path { get; init; }

    /// <summary><c>--topic</c>.</summary>
    public required string Topic { get; init; }

    /// <summary><c>--limit</c>.</summary>
    public long? Limit { get; init; }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>: how the log is opened.</summary>
    public MultiRate.Logs.SensorLogOptions LogReading { get; init; } = new();
}
