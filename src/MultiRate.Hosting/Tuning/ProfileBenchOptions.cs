namespace MultiRate.Hosting.Tuning;

/// <summary>How many calls <see cref="ProfileBench"/> makes per module.</summary>
/// <remarks>Plain options; <see cref="Validate"/> checks them once.</remarks>
public sealed class ProfileBenchOptions
{
    /// <summary>Untimed head calls before timing (default 200, as the executor's own warm-up).</summary>
    public int WarmUp { get; set; } = 200;

    /// <summary>Timed head calls (default 2000: about 2 calls per p99.9 tail sample).</summary>
    public int Samples { get; set; } = 2000;

    /// <summary>Untimed context updates; null = max(2, <see cref="WarmUp"/> / 10).</summary>
    public int? ContextWarmUp { get; set; }

    /// <summary>Timed context updates; null = max(5, <see cref="Samples"/> / 10) (context updates are milliseconds each).</summary>
    public int? ContextSamples { get; set; }

    /// <summary>Context updates actually timed.</summary>
    public int EffectiveContextSamples => ContextSamples ?? Math.Max(5, Samples / 10);

    /// <summary>Context warm-up updates actually run.</summary>
    public int EffectiveContextWarmUp => ContextWarmUp ?? Math.Max(2, WarmUp / 10);

    /// <summary>Throws <see cref="TuningInputException"/> when a count is out of range.</summary>
    public void Validate()
    {
        Check(WarmUp, 0, "warm-up");
        Check(Samples, 1, "samples");
        Check(EffectiveContextWarmUp, 0, "context warm-up");
        Check(EffectiveContextSamples, 1, "context samples");
    }

    private static void Check(int value, int min, string what)
    {
        if (value < min || value > 10_000_000)
        {
            throw new TuningInputException($"profile bench: {what} {value}: expected a whole number from {min} to 10000000");
        }
    }
}
