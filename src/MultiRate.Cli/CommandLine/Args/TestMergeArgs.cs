namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate test merge A.json B.json ...</c>, bound from the command line.</summary>
internal sealed record TestMergeArgs
{
    /// <summary>The shard reports ('multirate test --shard I/N --json' output).</summary>
    public required IReadOnlyList<string> Reports { get; init; }

    /// <summary><c>--junit FILE</c>.</summary>
    public string? JUnit { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }
}
