namespace MultiRate.Training.Fitting;

/// <summary>Which latent each training sample is paired with.</summary>
public enum TrainingMode
{
    /// <summary>The latent the deployed schedule would show at that tick (handoff mode, latency, offsets).</summary>
    MultiRate,

    /// <summary>A latent computed from the history ending at the tick itself (always fresh, age 0).</summary>
    Naive,

    /// <summary>A fast-only head: zero latent, no age features; the exported head ignores the latent.</summary>
    NoContext,
}
