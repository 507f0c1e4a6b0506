namespace MultiRate.Bench.Tuning;

/// <summary>One clock's confirmation: the budget it had, the one tune proposes, and what a run under the proposal achieved.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="BudgetUs">The profile's budget before tuning.</param>
/// <param name="RecommendedUs">The budget the confirmation ran with (the tuned profile's).</param>
/// <param name="Ticks">Periods the confirmation run counted.</param>
/// <param name="Misses">Of those, periods that missed (see <see cref="Profile.ClockTally"/>).</param>
/// <param name="PredictedMissRate">The miss rate the measurements predicted for <paramref name="RecommendedUs"/> (samples above it); null without raw samples.</param>
/// <param name="Tolerance">The profile's <c>tuning.miss_tolerance</c>.</param>
public sealed record ClockConfirmation(string Name, long BudgetUs, long RecommendedUs, long Ticks, long Misses, double? PredictedMissRate, double Tolerance)
{
    /// <summary>Misses / ticks; 0 when no tick was counted.</summary>
    public double MissRate => Ticks == 0 ? 0 : (double)Misses / Ticks;

    /// <summary>True when the achieved miss rate is within the tolerance.</summary>
    public bool Meets => MissRate <= Tolerance;

    /// <summary>True when the run had too few ticks for one miss to stay within the tolerance (a single miss decides).</summary>
    public bool FewTicks => Ticks * Tolerance < 1;
}
