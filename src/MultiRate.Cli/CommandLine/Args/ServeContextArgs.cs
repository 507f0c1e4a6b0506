namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate serve-context</c>, bound from the command line.</summary>
internal sealed record ServeContextArgs
{
    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--host</c>.</summary>
    public string? Host { get; init; }

    /// <summary><c>--port</c>.</summary>
    public int? Port { get; init; }
}
