namespace MultiRate.Scheduling.Stats;

/// <summary>End-of-run figures for one clock.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="RateHz">Configured rate.</param>
/// <param name="Ticks">Ticks that ran (slow clocks: triggers, including skipped ones).</param>
/// <param name="Misses">Deadline misses (action clock) or triggers skipped because the previous update still ran (slow clocks).</param>
/// <param name="SkippedPeriods">Whole periods skipped after scheduler overruns.</param>
/// <param name="Faults">Module faults.</param>
/// <param name="BudgetUs">Budget in microseconds.</param>
/// <param name="LatencyP50Us">Compute latency p50.</param>
/// <param name="LatencyP99Us">Compute latency p99.</param>
/// <param name="LatencyMaxUs">Compute latency max.</param>
public sealed record ClockSummary(
    string Name,
    long RateHz,
    long Ticks,
    long Misses,
    long SkippedPeriods,
    long Faults,
    double BudgetUs,
    double LatencyP50Us,
    double LatencyP99Us,
    double LatencyMaxUs);
