namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench replay</c>, bound from the command line.</summary>
internal sealed record ReplayBenchArgs
{
    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--log</c>.</summary>
    public string? Log { get; init; }

    /// <summary><c>--runs</c>.</summary>
    public int? Runs { get; init; }

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
