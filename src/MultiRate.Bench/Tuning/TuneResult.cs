namespace MultiRate.Bench.Tuning;

/// <summary>The outcome of <see cref="ProfileTuner.Tune"/>: the tuned text, what changed, whether it validates, and the diff.</summary>
/// <param name="OriginalPath">The profile that was tuned.</param>
/// <param name="TunedPath">Where the tuned profile goes: <c>&lt;name&gt;.tuned.yaml</c> beside the original.</param>
/// <param name="TunedText">The tuned text: the original with only the changed values replaced.</param>
/// <param name="Changes">Every changed value, in file order.</param>
/// <param name="Notes">Things a person should know (clocks left unchanged, limits that may need review).</param>
/// <param name="Diff">Unified diff, original vs tuned; empty when nothing changed.</param>
/// <param name="ValidationErrors">The validator's message when the tuned text is invalid (then it must not be written); null when valid.</param>
/// <param name="HotReloadable">True when a running system can switch to the tuned profile without a restart (budgets only).</param>
public sealed record TuneResult(
    string OriginalPath,
    string TunedPath,
    string TunedText,
    IReadOnlyList<TuneChange> Changes,
    IReadOnlyList<string> Notes,
    string Diff,
    string? ValidationErrors,
    bool HotReloadable)
{
    /// <summary>True when the tuned text passed the profile validator.</summary>
    public bool IsValid => ValidationErrors is null;
}
