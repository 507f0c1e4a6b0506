namespace MultiRate.Core.Rates;

/// <summary>One clock of a rate profile: when it ticks, how long its work may take, and what it drives.</summary>
/// <remarks>Immutable description; validated once by the profile loader.</remarks>
public sealed record ClockDefinition
{
    /// <summary>Clock name, unique in the profile (the YAML key).</summary>
    public required string Name { get; init; }

    /// <summary>Rate in Hz. Must divide the profile's base tick rate.</summary>
    public required long RateHz { get; init; }

    /// <summary>Phase offset in whole base ticks (default 0).</summary>
    public long OffsetTicks { get; init; }

    /// <summary>Compute budget in microseconds. Must be below the period.</summary>
    public required long BudgetUs { get; init; }

    /// <summary>What happens when the work overruns its budget or period.</summary>
    public OverrunPolicy Overrun { get; init; } = OverrunPolicy.Skip;

    /// <summary>Name of the module this clock drives (a key of <see cref="RateProfile.Modules"/>).</summary>
    public required string Module { get; init; }

    /// <summary>
    /// Declared compute latency in microseconds used by virtual time (replay and training):
    /// a result triggered at t is ready at t + latency. Defaults to the budget.
    /// </summary>
    public long? LatencyUs { get; init; }

    /// <summary>Number of recent observations the module receives at each tick (0 = none).</summary>
    public int History { get; init; }

    /// <summary>Pin this clock's thread to this CPU, when set (real time only).</summary>
    public int? Cpu { get; init; }

    /// <summary>Period in nanoseconds.</summary>
    public long PeriodNs => Timing.ClockTime.PeriodFromHz(RateHz);

    /// <summary>Budget in nanoseconds.</summary>
    public long BudgetNs => BudgetUs * 1000;

    /// <summary>Virtual-time latency in nanoseconds.</summary>
    public long LatencyNs => (LatencyUs ?? BudgetUs) * 1000;
}
