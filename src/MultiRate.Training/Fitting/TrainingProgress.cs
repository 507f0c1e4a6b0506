namespace MultiRate.Training.Fitting;

/// <summary>Progress of a training run, reported after every batch and at the end of every epoch.</summary>
/// <param name="Epoch">Epoch, 1-based.</param>
/// <param name="Epochs">Most epochs.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="TrainLoss">Mean training loss so far in this epoch.</param>
/// <param name="ValidationLoss">Validation loss at the end of the epoch; null mid-epoch.</param>
/// <param name="BestValidationLoss">Best validation loss so far; null before the first epoch ends.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double TrainLoss, double? ValidationLoss, double? BestValidationLoss);
