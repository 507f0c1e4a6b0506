using MultiRate.Core.Rates;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>The result of a profile benchmark: per clock, the measured latency and the recommendation.</summary>
/// <param name="Profile">Profile name.</param>
/// <param name="Config">Model config name.</param>
/// <param name="BaseTickHz">The profile's base tick rate (recommended rates divide it).</param>
/// <param name="Policy">Quantile and margin of the recommendations.</param>
/// <param name="Clocks">One recommendation per measured clock, in profile order (slowest first).</param>
public sealed record ProfileBenchReport(string Profile, string Config, long BaseTickHz, TuningPolicy Policy, IReadOnlyList<ClockRecommendation> Clocks)
{
    /// <summary>Where the samples came from: <c>graph_run</c> (a full-graph real-time run), <c>recording</c> or <c>saved</c> (default <c>graph_run</c>).</summary>
    public string Method { get; init; } = "graph_run";

    /// <summary>Builds the report from raw samples by clock name.</summary>
    /// <param name="profile">The profile the samples were measured for.</param>
    /// <param name="config">Model config name.</param>
    /// <param name="samplesUs">Samples in microseconds by clock name; every name must be a clock of <paramref name="profile"/>.</param>
    /// <param name="policy">Quantile and margin.</param>
    /// <exception cref="TuningInputException">A clock is unknown or has no samples, or the policy is out of range.</exception>
    public static ProfileBenchReport FromSamples(RateProfile profile, string config, IReadOnlyDictionary<string, double[]> samplesUs, TuningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(samplesUs);
        ArgumentNullException.ThrowIfNull(policy);
        foreach (string name in samplesUs.Keys.Where(n => profile.Clocks.All(c => c.Name != n)))
        {
            throw new TuningInputException($"samples for clock '{name}', which profile '{profile.Name}' does not have; its clocks: {string.Join(", ", profile.Clocks.Select(c => c.Name))}");
        }

        var clocks = profile.Clocks
            .Where(c => samplesUs.ContainsKey(c.Name))
            .Select(c => BudgetRecommender.Recommend(c, ClockLatency.FromSamples(samplesUs[c.Name], c.Name), policy, profile.BaseTickHz))
            .ToList();
        return new ProfileBenchReport(profile.Name, config, profile.BaseTickHz, policy, clocks);
    }
}
