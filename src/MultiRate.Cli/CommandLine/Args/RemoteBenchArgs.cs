namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate bench remote</c>, bound from the command line.</summary>
internal sealed record RemoteBenchArgs
{
    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--updates</c>.</summary>
    public int? Updates { get; init; }

    /// <summary><c>--seconds</c>.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
