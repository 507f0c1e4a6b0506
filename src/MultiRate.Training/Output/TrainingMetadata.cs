using MultiRate.Training.Fitting;

namespace MultiRate.Training.Output;

/// <summary>What <c>DIR/training.json</c> records about a training run, next to the weights.</summary>
/// <remarks>Times named <c>*LogNs</c> are log times; <c>*RunNs</c> are ns from the replay's tick 0.</remarks>
public sealed record TrainingMetadata
{
    /// <summary>The model config used (absolute path).</summary>
    public required string ConfigPath { get; init; }

    /// <summary>SHA-256 of the config file, lowercase hex.</summary>
    public required string ConfigSha256 { get; init; }

    /// <summary>The rate profile used (absolute path).</summary>
    public required string ProfilePath { get; init; }

    /// <summary>SHA-256 of the profile file, lowercase hex.</summary>
    public required string ProfileSha256 { get; init; }

    /// <summary>The log trained on (absolute path).</summary>
    public required string LogPath { get; init; }

    /// <summary>Log time of the replay's tick 0 (first input sample).</summary>
    public required long DataStartLogNs { get; init; }

    /// <summary>Log time of the last input sample.</summary>
    public required long DataEndLogNs { get; init; }

    /// <summary>Validation samples are at or after this run time...</summary>
    public required long ValidationStartRunNs { get; init; }

    /// <summary>...and before this one.</summary>
    public required long ValidationEndRunNs { get; init; }

    /// <summary>Training samples are at least this far from the validation block.</summary>
    public required long GapNs { get; init; }

    /// <summary>Training / validation sample counts.</summary>
    public required int TrainSamples { get; init; }

    /// <summary>Validation sample count.</summary>
    public required int ValidationSamples { get; init; }

    /// <summary>The options used (mode, seed, epochs, batch, learning rate, patience, staleness augmentation).</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>The seed actually used.</summary>
    public required int Seed { get; init; }

    /// <summary>Epochs run.</summary>
    public required int EpochsRun { get; init; }

    /// <summary>Epoch whose weights were kept.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation loss of the seeded initial weights.</summary>
    public required double InitialValidationLoss { get; init; }

    /// <summary>Validation loss of the kept weights.</summary>
    public required double BestValidationLoss { get; init; }

    /// <summary>Training loss per epoch.</summary>
    public required double[] TrainLoss { get; init; }

    /// <summary>Validation loss per epoch.</summary>
    public required double[] ValidationLoss { get; init; }

    /// <summary>Validation scores under the training pairing (an estimate; <c>replay --targets</c> measures the real runtime).</summary>
    public required RegressionMetrics Validation { get; init; }

    /// <summary>Validation ticks whose action the runtime changes from the head's output (its rate and range limits, a hold or the safe action); the estimate scores the changed actions.</summary>
    public int ValidationActionsChanged { get; init; }

    /// <summary>Target field paths, in action order.</summary>
    public required string[] Targets { get; init; }

    /// <summary>Input normalisation of the head's fields (folded into the exported weights).</summary>
    public required Normalizer HeadNormalization { get; init; }

    /// <summary>Input normalisation of the context rows (folded into the exported weights).</summary>
    public required Normalizer ContextNormalization { get; init; }

    /// <summary>Wall time of the fit, seconds.</summary>
    public required double TrainSeconds { get; init; }
}
