namespace MultiRate.Core.Rates;

/// <summary>What <c>multirate tune</c> must prove before it writes budgets for this profile.</summary>
public sealed record TuningSpec
{
    /// <summary>The default tolerance: 1% of a clock's ticks may miss in the confirmation run.</summary>
    public const double DefaultMissTolerance = 0.01;

    /// <summary>
    /// Highest fraction of a clock's ticks, in [0, 1], that may miss in the confirmation run under the
    /// tuned budgets (default 0.01); <c>tune --write</c> refuses budgets whose confirmation misses more.
    /// </summary>
    public double MissTolerance { get; init; } = DefaultMissTolerance;
}
