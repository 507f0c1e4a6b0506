namespace MultiRate.Bench.Tuning;

/// <summary>What <see cref="ProfileTuner"/> may change.</summary>
public sealed class TuneOptions
{
    /// <summary>
    /// Also lower the <c>rate_hz</c> of a clock whose recommended budget does not fit its period, to the
    /// highest rate that fits (default false: budgets only). Rates are never raised: a rate change
    /// alters the schedule, the time span of history windows and latent ages, so it needs a restart
    /// and a person's decision; the benchmark reports <c>max_rate_hz</c> for that.
    /// </summary>
    public bool LowerRates { get; set; }
}
