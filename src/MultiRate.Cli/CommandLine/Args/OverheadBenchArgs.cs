namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench overhead</c>, bound from the command line.</summary>
internal sealed record OverheadBenchArgs
{
    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--blocks</c>.</summary>
    public int? Blocks { get; init; }

    /// <summary><c>--ticks-per-block</c>.</summary>
    public int? TicksPerBlock { get; init; }

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--breakdown</c>.</summary>
    public bool Breakdown { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
