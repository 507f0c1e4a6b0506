namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>replay --weights DIR --targets</c>, bound from the command line.</summary>
internal sealed record EvaluateArgs
{
    /// <summary><c>--weights</c>: the directory <c>train --out</c> wrote.</summary>
    public required string Weights { get; init; }

    /// <summary><c>--log</c>.</summary>
    public string? Log { get; init; }

    /// <summary><c>--config</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>--rates</c>.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>: how the log is opened.</summary>
    public MultiRate.Logs.SensorLogOptions LogReading { get; init; } = new();
}
