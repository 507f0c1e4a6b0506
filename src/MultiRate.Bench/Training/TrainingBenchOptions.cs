namespace MultiRate.Bench.Training;

/// <summary>
/// What <c>multirate bench training</c> runs. Defaults: 5 seeds, 30 epochs, 60 s of simulated log,
/// Adam at 3e-3; every task, every mode (multi-rate-aware, naive, fast-only).
/// </summary>
public sealed record TrainingBenchOptions
{
    /// <summary>The repository checkout holding <c>configs/</c>, <c>rates/</c> and <c>tests/data/</c>.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Where the simulated log and the trained weights go (created; default: a new temporary folder, removed at the end).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The real-log collection (<c>px4-ulog-sitl-position/position.ulg</c> is read from it); null or absent: those tasks are skipped with a note.</summary>
    public string? RealLogsDirectory { get; init; }

    /// <summary>Training seeds per task and mode (default 5; at least 2 for an interval).</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>Most epochs per training (default 30; early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Stop a training after this many epochs without a better validation loss (default 10).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Adam learning rate for every training (default 3e-3).</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Length of the simulated log, seconds (default 60).</summary>
    public double SimSeconds { get; init; } = 60;

    /// <summary>Seed of the simulated log (default 1); the training seeds are 1..<see cref="Seeds"/>.</summary>
    public int SimSeed { get; init; } = 1;

    /// <summary>Only tasks whose name or profile contains one of these (case-insensitive); empty: all.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];
}
