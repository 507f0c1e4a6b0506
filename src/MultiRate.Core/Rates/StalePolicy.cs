namespace MultiRate.Core.Rates;

/// <summary>What the fast clock does once the latent is older than the profile's age limit.</summary>
public enum StalePolicy
{
    /// <summary>Keep running the head on the stale latent, mark the action degraded and count it.</summary>
    Degraded,

    /// <summary>Emit the safe action instead of running the head, and count it.</summary>
    SafeAction,
}
