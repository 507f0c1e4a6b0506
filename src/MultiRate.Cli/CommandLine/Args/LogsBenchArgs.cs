namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench logs</c>, bound from the command line.</summary>
internal sealed record LogsBenchArgs
{
    /// <summary><c>--repeat</c>.</summary>
    public int? Repeat { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
