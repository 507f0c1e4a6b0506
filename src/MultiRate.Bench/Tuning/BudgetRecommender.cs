using MultiRate.Core.Rates;
using MultiRate.Bench.Profile;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// Turns measured latencies into a budget and a highest sustainable rate per clock. Pure: the
/// same samples, clock and policy always give the same recommendation.
/// </summary>
/// <remarks>
/// Rules (exact, integer microseconds):
/// <list type="number">
/// <item>quantile latency = nearest-rank percentile of the samples;</item>
/// <item>raw budget = ceil(quantile latency x margin), computed in decimal so 100 x 1.1 is 110, not 111;</item>
/// <item>recommended budget = raw budget rounded up to two significant digits (1..100 us: 1 us grain,
///   101..1000 us: 10 us, 1001..10000 us: 100 us, and so on), so the profile reads 1300, not 1247;</item>
/// <item>highest rate = the highest divisor d of base_tick_hz with d x budget &lt; 1,000,000, i.e. whose
///   period is strictly longer than the budget (clocks must divide the base tick, and the validator
///   requires budget &lt; period); 0 when even 1 Hz is too fast;</item>
/// <item>verdict: too tight when the current budget is below the recommendation, too loose when it is at
///   least twice the recommendation.</item>
/// </list>
/// The rate is about compute only: a head's period must also hold its I/O and the wake-up jitter.
/// </remarks>
public static class BudgetRecommender
{
    /// <summary>Recommends from raw samples.</summary>
    /// <param name="clock">The clock as the profile declares it (its current budget and rate).</param>
    /// <param name="samplesUs">Measured latencies of one module call, in microseconds.</param>
    /// <param name="quantile">Percentile in (0, 100].</param>
    /// <param name="margin">Factor in [1, 100].</param>
    /// <param name="baseTickHz">The profile's base tick rate.</param>
    /// <exception cref="TuningInputException">Empty or invalid samples, or a quantile or margin out of range.</exception>
    public static ClockRecommendation Recommend(ClockDefinition clock, IEnumerable<double> samplesUs, double quantile, double margin, long baseTickHz)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var policy = new TuningPolicy(quantile, margin);
        policy.Validate($"clock '{clock.Name}'");
        return Recommend(clock, ClockLatency.FromSamples(samplesUs, clock.Name), policy, baseTickHz);
    }

    /// <summary>Recommends from latency statistics (raw samples or a saved summary).</summary>
    /// <param name="clock">The clock as the profile declares it.</param>
    /// <param name="latency">Its module's measured latency.</param>
    /// <param name="policy">Quantile and margin.</param>
    /// <param name="baseTickHz">The profile's base tick rate.</param>
    /// <exception cref="TuningInputException">The policy is out of range, or its quantile is not in a summary without samples.</exception>
    public static ClockRecommendation Recommend(ClockDefinition clock, ClockLatency latency, TuningPolicy policy, long baseTickHz)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseTickHz, 1);
        policy.Validate($"clock '{clock.Name}'");
        if (latency.Samples < 1)
        {
            throw new TuningInputException($"clock '{clock.Name}': no latency samples; expected at least one measured call to recommend a budget from");
        }

        double quantileUs = latency.At(policy.Quantile, clock.Name);
        long budget = BudgetFor(quantileUs, policy.Margin);
        BudgetVerdict verdict = clock.BudgetUs < budget ? BudgetVerdict.TooTight
            : clock.BudgetUs >= 2 * budget ? BudgetVerdict.TooLoose
            : BudgetVerdict.Ok;
        return new ClockRecommendation(clock.Name, clock.Module, latency, policy, quantileUs, clock.BudgetUs, clock.RateHz, budget, MaxRateHz(budget, baseTickHz), verdict);
    }

    /// <summary>ceil(<paramref name="quantileUs"/> x <paramref name="margin"/>) rounded up to two significant digits; at least 1 us.</summary>
    public static long BudgetFor(double quantileUs, double margin)
    {
        decimal raw = Math.Ceiling((decimal)quantileUs * (decimal)margin);
        return RoundUpToGrain((long)Math.Max(1m, raw));
    }

    /// <summary>Rounds up to two significant digits: 47 -> 47, 101 -> 110, 1247 -> 1300, 45678 -> 46000.</summary>
    public static long RoundUpToGrain(long us)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(us, 1);
        long grain = 1;
        while (us > grain * 100)
        {
            grain *= 10;
        }

        return (us + grain - 1) / grain * grain;
    }

    /// <summary>The highest divisor of <paramref name="baseTickHz"/> whose period is longer than <paramref name="budgetUs"/>; 0 when none.</summary>
    public static long MaxRateHz(long budgetUs, long baseTickHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetUs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseTickHz, 1);
        long best = 0;
        for (long d = 1; d * d <= baseTickHz; d++)
        {
            if (baseTickHz % d != 0)
            {
                continue;
            }

            foreach (long rate in (ReadOnlySpan<long>)[d, baseTickHz / d])
            {
                // period (1e6 / rate us) > budget  <=>  rate x budget < 1e6, in integers.
                if (rate > best && rate * budgetUs < 1_000_000)
                {
                    best = rate;
                }
            }
        }

        return best;
    }
}
