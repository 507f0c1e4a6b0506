namespace MultiRate.Bench.Tuning;

/// <summary>One value <c>multirate tune</c> changes in a profile.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Key">The key under the clock: <c>budget_us</c> or <c>rate_hz</c>.</param>
/// <param name="Line">1-based line of the value in the profile.</param>
/// <param name="OldValue">The profile's value.</param>
/// <param name="NewValue">The tuned value.</param>
/// <param name="Reason">Why, with the numbers behind it.</param>
public sealed record TuneChange(string Clock, string Key, long Line, long OldValue, long NewValue, string Reason)
{
    /// <summary>The dotted key path, e.g. <c>clocks.head.budget_us</c>.</summary>
    public string Path => $"clocks.{Clock}.{Key}";
}
