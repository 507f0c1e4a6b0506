using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>
/// The semantic rules of a rate profile, usable on profiles built in code or by hot reload. The
/// loader runs the same rules on freshly parsed YAML, with line and column information.
/// </summary>
/// <remarks>Thread-safe: pure functions of their arguments.</remarks>
public static class ProfileValidator
{
    /// <summary>Checks a profile; returns every problem (empty when valid), in file order where known.</summary>
    /// <param name="profile">The profile to check.</param>
    /// <returns>The problems; errors carry key paths but no line numbers (the profile has none).</returns>
    public static IReadOnlyList<ValidationError> Validate(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return SourceMap.Validate(profile, profile.SourcePath, Check);
    }

    /// <summary>
    /// Checks a proposed edit of a running profile: the proposed profile must be valid on its own,
    /// and may change only what can change live (budgets, latencies, overrun policies, the latent
    /// age limit and stale policy, the action's limits, rate limits and safe value). Changes to the
    /// base tick, clocks, rates, offsets, modules, handoffs, history, CPU pinning or action
    /// dimension are reported as needing a restart.
    /// </summary>
    /// <param name="current">The profile in use.</param>
    /// <param name="proposed">The edited profile.</param>
    /// <returns>Every problem; empty when the edit can be applied live.</returns>
    public static IReadOnlyList<ValidationError> ValidateEdit(RateProfile current, RateProfile proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var map = new SourceMap(proposed.SourcePath);
        Check(proposed, map);
        EditRules.Check(current, proposed, map);
        return map.SortedErrors();
    }

    /// <summary>Runs every rule, reporting into <paramref name="map"/> (which may carry positions).</summary>
    internal static void Check(RateProfile profile, SourceMap map)
    {
        ClockRules.Check(profile, map);
        HandoffRules.Check(profile, map);
        ActionRules.Check(profile, map);
        Resources.ResourceRules.CheckProfile(profile, map);
    }
}
