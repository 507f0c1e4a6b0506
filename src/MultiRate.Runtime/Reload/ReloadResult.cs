namespace MultiRate.Runtime.Reload;

/// <summary>The result of one profile edit.</summary>
/// <param name="Outcome">Applied, unchanged or rejected.</param>
/// <param name="Changes">What changed, one entry per key, e.g. <c>clocks.head.budget_us 500 -> 400</c> (empty unless applied).</param>
/// <param name="Errors">Every problem, with file, line and key (empty unless rejected).</param>
public sealed record ReloadResult(ReloadOutcome Outcome, IReadOnlyList<string> Changes, IReadOnlyList<string> Errors);
