using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Resources;

/// <summary>
/// Checks a rate profile and a model config together against this machine before anything is
/// allocated: the model with each clock's history must fit in memory, and each module's arithmetic
/// must fit in its clock's budget even on a fast core.
/// </summary>
/// <remarks>Thread-safe: pure apart from reading the machine's memory size.</remarks>
public static class ResourceCheck
{
    /// <summary>Returns every problem (empty when the pair can run here), naming the profile's keys.</summary>
    /// <param name="profile">A validated profile.</param>
    /// <param name="config">A validated model config.</param>
    public static IReadOnlyList<ValidationError> Validate(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        return SourceMap.Validate(profile, profile.SourcePath, (p, map) => ResourceRules.CheckPair(p, config, map));
    }

    /// <summary>Like <see cref="Validate"/>, throwing when there is a problem.</summary>
    /// <exception cref="ValidationException">The pair needs more memory or compute than this machine has.</exception>
    public static void ThrowIfInvalid(RateProfile profile, ModelConfig config)
    {
        IReadOnlyList<ValidationError> errors = Validate(profile, config);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
