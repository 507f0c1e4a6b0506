namespace MultiRate.Core.Sensors;

/// <summary>Where an emitted action came from.</summary>
public enum ActionKind
{
    /// <summary>The head's output, within its deadline and with a fresh latent.</summary>
    Model,

    /// <summary>The head's output on a latent older than the age limit.</summary>
    Degraded,

    /// <summary>The last emitted action, repeated because the head missed its deadline or failed.</summary>
    Hold,

    /// <summary>The profile's safe action.</summary>
    Safe,
}
