namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate test SUITE</c>, bound from the command line.</summary>
internal sealed record TestArgs
{
    /// <summary>The suite file (YAML).</summary>
    public required string Suite { get; init; }

    /// <summary><c>--shard I/N</c>, as typed.</summary>
    public string? Shard { get; init; }

    /// <summary><c>--junit FILE</c>.</summary>
    public string? JUnit { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--jobs K</c>; null: the machine's core count.</summary>
    public int? Jobs { get; init; }
}
