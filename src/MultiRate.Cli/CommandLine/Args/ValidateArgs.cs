namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>validate</c>, bound from the command line.</summary>
internal sealed record ValidateArgs
{
    /// <summary>The profile or model config.</summary>
    public required string Path { get; init; }

    /// <summary><c>--config</c>: a model config checked too.</summary>
    public string? Config { get; init; }
}
