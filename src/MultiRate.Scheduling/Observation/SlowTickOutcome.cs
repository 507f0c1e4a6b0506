namespace MultiRate.Scheduling.Observation;

/// <summary>What happened at one slow-clock tick.</summary>
public enum SlowTickOutcome
{
    /// <summary>The update finished and produced a latent.</summary>
    Completed,

    /// <summary>The previous update was still running: this tick was skipped.</summary>
    Skipped,

    /// <summary>The module threw, returned NaN/Inf, or timed out: the old latent stays.</summary>
    Faulted,

    /// <summary>The slow path's circuit is open: the module was not called and the old latent stays.</summary>
    Rejected,
}
