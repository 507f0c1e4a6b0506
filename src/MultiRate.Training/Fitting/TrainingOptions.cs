namespace MultiRate.Training.Fitting;

/// <summary>How to train. Defaults suit the PX4 demo on a 2-core CPU.</summary>
public sealed record TrainingOptions
{
    /// <summary>Sample pairing (default multi-rate aware).</summary>
    public TrainingMode Mode { get; init; } = TrainingMode.MultiRate;

    /// <summary>Most passes over the training samples (default 30).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Samples per optimiser step (default 256).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate (default 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Stop after this many epochs without a better validation loss (default 5).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Last share of the time range used for validation (default 0.2).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>
    /// Validation block as [start, end) seconds from the log's start (run time); null: the last
    /// <see cref="ValidationFraction"/> of the log. Training uses the time on both sides, minus a gap.
    /// </summary>
    public (double StartSeconds, double EndSeconds)? ValidationWindow { get; init; }

    /// <summary>
    /// Choose the validation block from the targets instead of taking the last
    /// <see cref="ValidationFraction"/> (default false): a block of that length, starting at a whole
    /// number of the head's slow-clock periods (or the last block), where the targets move most relative
    /// to their motion over the whole log (largest geometric mean of the variance shares, every target
    /// keeping at least 1%; the later block on a tie). Deterministic; not with <see cref="ValidationWindow"/>.
    /// </summary>
    public bool ValidationAuto { get; init; }

    /// <summary>Seeds the weight init (with the config's seed) and the batch order (default: the config's seed).</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Multi-rate only: every epoch, pair the samples as the deployed schedule would with the slow
    /// clock's phase moved by a random number of action ticks (within one slow period), so the context
    /// learns from every window of the log rather than the few its nominal phase triggers on; the
    /// latent ages stay the deployed ones (default true; validation always uses the nominal phase).
    /// </summary>
    public bool PhaseShift { get; init; } = true;

    /// <summary>Multi-rate only: pair each sample with a latent up to this many slow ticks older than the schedule's (default 0: off).</summary>
    public int ExtraStaleTicks { get; init; }
}
