namespace MultiRate.Core.Rates;

/// <summary>How old the latent may get, and what happens past that age.</summary>
public sealed record LatentSpec
{
    /// <summary>Latent age limit in milliseconds.</summary>
    public required double AgeLimitMs { get; init; }

    /// <summary>What the head does past the limit.</summary>
    public StalePolicy OnStale { get; init; } = StalePolicy.Degraded;

    /// <summary>Age limit in nanoseconds.</summary>
    public long AgeLimitNs => (long)(AgeLimitMs * 1_000_000.0);
}
