namespace MultiRate.Scheduling.Observation;

/// <summary>What happened at one action-clock tick.</summary>
public enum FastTickOutcome
{
    /// <summary>The head's action went out on time, on a fresh latent.</summary>
    Ok,

    /// <summary>The head's action went out on a stale or absent latent (degraded).</summary>
    Stale,

    /// <summary>The latent was stale and the profile asks for the safe action: the head did not run.</summary>
    StaleSafe,

    /// <summary>The head finished after its budget: the fallback went out instead.</summary>
    Miss,

    /// <summary>The head threw or returned a non-finite action: the fallback went out.</summary>
    Fault,

    /// <summary>Real time: the watchdog had already sent the fallback at the deadline; the late result was dropped.</summary>
    Dropped,
}
