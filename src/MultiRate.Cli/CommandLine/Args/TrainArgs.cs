namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>train</c>, bound from the command line.</summary>
internal sealed record TrainArgs
{
    /// <summary><c>--log</c>.</summary>
    public required string Log { get; init; }

    /// <summary><c>--config</c>.</summary>
    public required string Config { get; init; }

    /// <summary><c>--rates</c>.</summary>
    public required string Rates { get; init; }

    /// <summary><c>--out</c>.</summary>
    public required string Out { get; init; }

    /// <summary><c>--naive</c>.</summary>
    public bool Naive { get; init; }

    /// <summary><c>--no-context</c>.</summary>
    public bool NoContext { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--epochs</c>.</summary>
    public int? Epochs { get; init; }

    /// <summary><c>--batch</c>.</summary>
    public int? Batch { get; init; }

    /// <summary><c>--lr</c>.</summary>
    public double? LearningRate { get; init; }

    /// <summary><c>--patience</c>.</summary>
    public int? Patience { get; init; }

    /// <summary><c>--seed</c>.</summary>
    public int? Seed { get; init; }

    /// <summary><c>--val-fraction</c>.</summary>
    public double? ValidationFraction { get; init; }

    /// <summary><c>--val-from</c>.</summary>
    public double? ValidationFrom { get; init; }

    /// <summary><c>--val-to</c>.</summary>
    public double? ValidationTo { get; init; }

    /// <summary><c>--val-auto</c>.</summary>
    public bool ValidationAuto { get; init; }

    /// <summary><c>--extra-stale</c>.</summary>
    public int? ExtraStale { get; init; }

    /// <summary><c>--no-phase-shift</c>.</summary>
    public bool NoPhaseShift { get; init; }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>: how the log is opened.</summary>
    public MultiRate.Logs.SensorLogOptions LogReading { get; init; } = new();
}
