using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>What the measurements say about one clock: its latency, the budget to use and the highest rate the hardware sustains.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="Module">Module the clock drives.</param>
/// <param name="Latency">Measured latency of one call of that module.</param>
/// <param name="Policy">The quantile and margin used.</param>
/// <param name="QuantileUs">The latency at the policy's quantile.</param>
/// <param name="BudgetUs">The profile's current budget.</param>
/// <param name="RateHz">The profile's current rate.</param>
/// <param name="RecommendedBudgetUs">ceil(<paramref name="QuantileUs"/> x margin), rounded up to two significant digits.</param>
/// <param name="MaxRateHz">
/// Highest divisor of the base tick rate whose period is longer than <paramref name="RecommendedBudgetUs"/>
/// (the validator requires budget &lt; period); 0 when not even 1 Hz fits.
/// </param>
/// <param name="Verdict">How the current budget compares with the recommendation.</param>
public sealed record ClockRecommendation(
    string Name,
    string Module,
    ClockLatency Latency,
    TuningPolicy Policy,
    double QuantileUs,
    long BudgetUs,
    long RateHz,
    long RecommendedBudgetUs,
    long MaxRateHz,
    BudgetVerdict Verdict)
{
    /// <summary>True when the recommended budget fits the clock's current period.</summary>
    public bool FitsCurrentRate => MaxRateHz >= RateHz;

    /// <summary>True when there are enough samples for the policy's quantile (<see cref="SampleRule"/>).</summary>
    public bool QuantileReliable => SampleRule.IsReliable(Policy.Quantile, Latency.Samples);

    /// <summary>Why the policy's quantile is not settled (too few samples, or the maximum), or null.</summary>
    public string? SampleNote => SampleRule.Note(Policy.Quantile, Latency.Samples);

    /// <summary>The miss rate the measurements predict for the recommended budget (samples above it); null without raw samples.</summary>
    public double? PredictedMissRate => Latency.FractionAbove(RecommendedBudgetUs);
}
