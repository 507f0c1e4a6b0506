namespace MultiRate.Scheduling.Resilience;

/// <summary>How one slow update ended after the resilience pipeline.</summary>
public enum SlowOutcome
{
    /// <summary>A new latent.</summary>
    Completed,

    /// <summary>The module threw or returned a failed outcome: the last latent stays.</summary>
    Faulted,

    /// <summary>The module's latent had NaN or infinity: the last latent stays.</summary>
    NonFinite,

    /// <summary>The update ran past its timeout: the last latent stays.</summary>
    TimedOut,

    /// <summary>The circuit was open: the module was not called and the last latent stays.</summary>
    Rejected,
}
