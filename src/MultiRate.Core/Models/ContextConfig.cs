namespace MultiRate.Core.Models;

/// <summary>The slow recursive context module: one weight-tied transformer block iterated K times.</summary>
public sealed record ContextConfig
{
    /// <summary>Token width.</summary>
    public int DModel { get; init; } = 128;

    /// <summary>Attention heads; must divide <see cref="DModel"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Feed-forward width inside the block.</summary>
    public int FeedForward { get; init; } = 512;

    /// <summary>K: the most recursion steps per update.</summary>
    public int Recursion { get; init; } = 8;

    /// <summary>Observation rows in the history window.</summary>
    public int History { get; init; } = 16;

    /// <summary>Length of the published latent vector.</summary>
    public int LatentDim { get; init; } = 64;

    /// <summary>Where the context module runs; null: the config's top-level <see cref="ModelConfig.Device"/>.</summary>
    public ComputeDevice? Device { get; init; }
}
