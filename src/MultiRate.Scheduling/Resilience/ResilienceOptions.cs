using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// Slow-path resilience (Polly timeout, circuit breaker, fallback to the last latent) and sensor-guard
/// limits. Every default is derived from the clock it applies to, so one instance fits every profile.
/// </summary>
/// <remarks>Plain options, read when a run starts; <see cref="Validate"/> lists every problem in one message.</remarks>
public sealed class ResilienceOptions
{
    /// <summary>
    /// A slow update times out after this multiple of max(budget, declared latency) (default 2): twice the
    /// worst the profile admits. A module the profile expects to take its declared latency never times out.
    /// </summary>
    public double TimeoutMultiple { get; init; } = 2.0;

    /// <summary>Failure ratio over the sampling window that opens the circuit (default 0.5).</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Updates needed in the sampling window before the ratio counts (default 4, Polly's minimum is 2).</summary>
    public int MinimumThroughput { get; init; } = 4;

    /// <summary>Sampling window in periods of the slow clock (default 10; at least 0.5 s, Polly's minimum).</summary>
    public int SamplingPeriods { get; init; } = 10;

    /// <summary>How long the circuit stays open, in periods of the slow clock (default 5; at least 0.5 s). Then one probe goes through.</summary>
    public int BreakPeriods { get; init; } = 5;

    /// <summary>Real time: worker threads that may be abandoned in a module call that never returns (default 4); past it the slow clock rejects its triggers.</summary>
    public int MaxAbandonedWorkers { get; init; } = 4;

    /// <summary>A sensor stream with no new sample for longer than this is counted as a dropout (default 100 ms).</summary>
    public TimeSpan SensorDropout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A sample that arrives this much later than the stream's usual delay is counted late (default 20 ms).</summary>
    public TimeSpan SensorLate { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A sample older than the last one by more than this is a clock jump, less is out of order (default 100 ms).</summary>
    public TimeSpan SensorClockJump { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The defaults.</summary>
    public static ResilienceOptions Default { get; } = new();

    /// <summary>Timeout of one update of <paramref name="clock"/>.</summary>
    public TimeSpan TimeoutOf(ClockDefinition clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        long ns = (long)(TimeoutMultiple * Math.Max(clock.BudgetNs, clock.LatencyNs));
        return TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, ns / 100));
    }

    /// <summary>Circuit sampling window for <paramref name="clock"/>.</summary>
    public TimeSpan SamplingOf(ClockDefinition clock) => AtLeastHalfSecond(clock, SamplingPeriods);

    /// <summary>Circuit break duration for <paramref name="clock"/>.</summary>
    public TimeSpan BreakOf(ClockDefinition clock) => AtLeastHalfSecond(clock, BreakPeriods);

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid value.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (!(TimeoutMultiple > 0))
        {
            errors.Add($"TimeoutMultiple must be > 0 (is {TimeoutMultiple})");
        }

        if (!(FailureRatio > 0 && FailureRatio <= 1))
        {
            errors.Add($"FailureRatio must be in (0, 1] (is {FailureRatio})");
        }

        if (MinimumThroughput < 2)
        {
            errors.Add($"MinimumThroughput must be >= 2 (is {MinimumThroughput})");
        }

        if (SamplingPeriods < 1 || BreakPeriods < 1 || MaxAbandonedWorkers < 0)
        {
            errors.Add("SamplingPeriods and BreakPeriods must be >= 1 and MaxAbandonedWorkers >= 0");
        }

        if (SensorDropout <= TimeSpan.Zero || SensorLate <= TimeSpan.Zero || SensorClockJump <= TimeSpan.Zero)
        {
            errors.Add("SensorDropout, SensorLate and SensorClockJump must be positive");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid resilience options: " + string.Join("; ", errors));
        }
    }

    private static TimeSpan AtLeastHalfSecond(ClockDefinition clock, int periods)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(500).Ticks, periods * clock.PeriodNs / 100));
    }
}
