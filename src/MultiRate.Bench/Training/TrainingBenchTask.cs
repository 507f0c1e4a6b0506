namespace MultiRate.Bench.Training;

/// <summary>One benchmark task: a log, the config and profile to train on it, and the validation block.</summary>
/// <param name="Name">Task name as the report shows it (e.g. <c>sim-attitude</c>, <c>px4-sample</c>).</param>
/// <param name="Kind"><c>simulated</c> or <c>real</c>.</param>
/// <param name="ConfigPath">Model config.</param>
/// <param name="ProfilePath">Rate profile; its name is the report's <c>profile</c>.</param>
/// <param name="LogPath">The log (for the simulated task, written before the first training).</param>
/// <param name="Validation">Validation block in seconds from the log's start; null: the last 20%, or the chosen block with <paramref name="AutoValidation"/>.</param>
/// <param name="AutoValidation">Let the training choose the validation block where the targets move (<c>train --val-auto</c>).</param>
internal sealed record TrainingBenchTask(string Name, string Kind, string ConfigPath, string ProfilePath, string LogPath, (double From, double To)? Validation, bool AutoValidation = false)
{
    /// <summary>How the validation block is chosen, as <c>training.json</c>'s <c>validation_choice</c> names it.</summary>
    public string ValidationChoice => Validation is not null ? "window" : AutoValidation ? "auto" : "last";

    /// <summary>The profile's name (its file name without extension).</summary>
    public string Profile => Path.GetFileNameWithoutExtension(ProfilePath);

    /// <summary>True when <paramref name="filters"/> is empty or one of them occurs in the name or profile.</summary>
    public bool Matches(IReadOnlyList<string> filters) =>
        filters.Count == 0 || filters.Any(f => Name.Contains(f, StringComparison.OrdinalIgnoreCase) || Profile.Contains(f, StringComparison.OrdinalIgnoreCase));
}
