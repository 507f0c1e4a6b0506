namespace MultiRate.Core.Rates;

/// <summary>The action vector's size, safe value and per-dimension limits.</summary>
public sealed record ActionSpec
{
    /// <summary>Dimension of the action vector.</summary>
    public required int Dimension { get; init; }

    /// <summary>The safe action, emitted on faults and stale latents where the profile says so.</summary>
    public required IReadOnlyList<double> Safe { get; init; }

    /// <summary>Per-dimension lower limit.</summary>
    public required IReadOnlyList<double> Min { get; init; }

    /// <summary>Per-dimension upper limit.</summary>
    public required IReadOnlyList<double> Max { get; init; }

    /// <summary>Optional per-dimension rate limit in units per second (null = unlimited).</summary>
    public IReadOnlyList<double>? MaxRatePerSecond { get; init; }
}
