namespace MultiRate.Core.Rates;

/// <summary>A slow-to-fast latent transition between two clocks.</summary>
public sealed record HandoffDefinition
{
    /// <summary>The publishing (slower) clock.</summary>
    public required string From { get; init; }

    /// <summary>The reading (faster) clock.</summary>
    public required string To { get; init; }

    /// <summary>When published snapshots become visible to the reader.</summary>
    public HandoffMode Mode { get; init; } = HandoffMode.Deterministic;
}
