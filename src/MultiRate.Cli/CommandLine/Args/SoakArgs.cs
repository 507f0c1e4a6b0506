namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>soak</c>, bound from the command line.</summary>
internal sealed record SoakArgs
{
    /// <summary><c>--virtual-ticks</c>.</summary>
    public long? VirtualTicks { get; init; }

    /// <summary><c>--realtime-seconds</c>.</summary>
    public double? RealtimeSeconds { get; init; }

    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
