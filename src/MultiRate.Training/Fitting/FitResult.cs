namespace MultiRate.Training.Fitting;

/// <summary>What one fit did: the loss curves and the best epoch's validation scores.</summary>
/// <param name="InitialValidationLoss">Validation loss of the initial (seeded) weights, before any step.</param>
/// <param name="TrainLoss">Mean training loss per epoch run.</param>
/// <param name="ValidationLoss">Validation loss per epoch run.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept.</param>
/// <param name="StoppedEarly">True when early stopping ended the run before the epoch limit.</param>
/// <param name="Validation">Scores of the kept weights on the validation samples, under the training pairing: of the actions
/// the runtime would send (the output stage's limits applied), which a replay scores.</param>
/// <param name="Elapsed">Wall time of the fit.</param>
public sealed record FitResult(double InitialValidationLoss, double[] TrainLoss, double[] ValidationLoss, int BestEpoch, bool StoppedEarly, RegressionMetrics Validation, TimeSpan Elapsed)
{
    /// <summary>Validation ticks whose sent action differs from the head's output (rate or range limited, a hold, or the safe action).</summary>
    public int ValidationActionsChanged { get; init; }

    /// <summary>The best validation loss.</summary>
    public double BestValidationLoss => ValidationLoss[BestEpoch - 1];
}
