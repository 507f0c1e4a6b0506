using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Sources;
using MultiRate.Configuration.Resources;

namespace MultiRate.Runtime.Running;

/// <summary>
/// What a run executes, loaded and validated once: the rate profile, the model config and the
/// observation layout they imply. A <see cref="RunSession"/> takes a plan and reads no files of its own,
/// so the profile a command loads is the one the run uses (no second load that could see another file).
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class RunPlan
{
    /// <summary>Creates a plan from a loaded profile and config.</summary>
    /// <param name="profile">The validated rate profile.</param>
    /// <param name="config">The validated model config.</param>
    public RunPlan(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        Profile = profile;
        Config = config;
        Layout = ObservationLayout.From(config.Inputs);
    }

    /// <summary>The validated profile.</summary>
    public RateProfile Profile { get; }

    /// <summary>The validated model config.</summary>
    public ModelConfig Config { get; }

    /// <summary>The observation layout of the config's inputs.</summary>
    public ObservationLayout Layout { get; }

    /// <summary>Loads and validates the profile and the config.</summary>
    /// <param name="profilePath">Rate profile path.</param>
    /// <param name="configPath">Model config path.</param>
    /// <exception cref="Core.Errors.UserInputException">Either file is missing or invalid (every error listed).</exception>
    /// <remarks>The pair is also checked against this machine's memory and the clocks' budgets (as <c>validate --config</c> does), before any module is built.</remarks>
    public static RunPlan Load(string profilePath, string configPath)
    {
        var plan = new RunPlan(RateProfileLoader.Load(profilePath), ModelConfigLoader.Load(configPath));
        ResourceCheck.ThrowIfInvalid(plan.Profile, plan.Config);
        return plan;
    }

    /// <summary>Loads the profile and config that <paramref name="options"/> name.</summary>
    public static RunPlan Load(MultiRateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Load(options.ProfilePath, options.ConfigPath);
    }
}
