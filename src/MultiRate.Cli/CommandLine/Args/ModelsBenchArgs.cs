namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench models</c>, bound from the command line.</summary>
internal sealed record ModelsBenchArgs
{
    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
