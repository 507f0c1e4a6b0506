namespace MultiRate.Core.Models;

/// <summary>The fast action head: shallow and wide, optionally a sparse mixture of experts.</summary>
public sealed record HeadConfig
{
    /// <summary>Hidden layer widths: one or two entries (default one layer of 1024).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [1024];

    /// <summary>Number of experts; 0 or 1 means a dense head.</summary>
    public int Experts { get; init; }

    /// <summary>Experts run per tick (top-k routing).</summary>
    public int TopK { get; init; } = 1;

    /// <summary>Feed the latent's age to the head as features (default true).</summary>
    public bool AgeFeatures { get; init; } = true;

    /// <summary>Where the head runs; null: the config's top-level <see cref="ModelConfig.Device"/>.</summary>
    public ComputeDevice? Device { get; init; }
}
