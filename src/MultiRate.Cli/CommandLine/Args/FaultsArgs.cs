namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>faults</c>, bound from the command line.</summary>
internal sealed record FaultsArgs
{
    /// <summary><c>--seed</c>.</summary>
    public int? Seed { get; init; }

    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--seconds</c>: virtual time per fault.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
