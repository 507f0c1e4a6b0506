namespace MultiRate.Core.Rates;

/// <summary>How a slow clock's latent reaches a faster reader.</summary>
public enum HandoffMode
{
    /// <summary>Publish as soon as a snapshot is ready (lowest latency, jitter-dependent).</summary>
    Latest,

    /// <summary>
    /// Publish at the next slow-tick boundary after the snapshot is ready (Simulink's
    /// deterministic rate transition): results do not depend on compute jitter.
    /// </summary>
    Deterministic,
}
