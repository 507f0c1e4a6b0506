namespace MultiRate.Core.Rates;

/// <summary>The role a module plays in the policy.</summary>
public enum ModuleKind
{
    /// <summary>The fast, wide action head: reads the latest latent and observation, emits an action.</summary>
    ActionHead,

    /// <summary>A slow recursive context module: reads history (and an upstream latent), publishes a latent.</summary>
    Context,
}
