using TorchSharp;

namespace MultiRate.Training.Fitting;

/// <summary>The distinct latents one level of the context chain must compute for a batch.</summary>
/// <param name="Windows">[W, moduleRows, rowSize] raw context windows, or null when the batch needs none at this level.</param>
/// <param name="UpstreamIndex">[W]: each window's row in the next (slower) level's latent table; that table's last row is the zero latent.</param>
internal sealed record LevelBatch(torch.Tensor? Windows, torch.Tensor? UpstreamIndex);
