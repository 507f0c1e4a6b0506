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

    /// <summary>
    /// Longest time, ms, a stop may take to ramp the action to <see cref="Safe"/> within the rate limits
    /// (<c>on_stop.max_ms</c>; null = enough for the worst case, see <see cref="WorstCaseStopMs"/>).
    /// </summary>
    public double? OnStopMaxMs { get; init; }

    /// <summary>
    /// The longest a ramp to <see cref="Safe"/> can take within the rate limits, ms: from the farthest
    /// point of [min, max] from safe, per dimension <c>max(|max - safe|, |safe - min|) / max_rate_per_s</c>
    /// (bounded above by <c>|max - min| / max_rate_per_s</c>); 0 without rate limits.
    /// </summary>
    public double WorstCaseStopMs()
    {
        if (MaxRatePerSecond is not { } rates)
        {
            return 0;
        }

        double worst = 0;
        for (int i = 0; i < Math.Min(rates.Count, Math.Min(Safe.Count, Math.Min(Min.Count, Max.Count))); i++)
        {
            double distance = Math.Max(Math.Abs(Max[i] - Safe[i]), Math.Abs(Safe[i] - Min[i]));
            worst = Math.Max(worst, distance / rates[i] * 1000);
        }

        return worst;
    }
}
