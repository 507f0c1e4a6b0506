namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>report</c>, bound from the command line.</summary>
internal sealed record ReportArgs
{
    /// <summary>The recording.</summary>
    public required string Path { get; init; }

    /// <summary><c>--out</c>: the report directory.</summary>
    public string? Out { get; init; }
}
