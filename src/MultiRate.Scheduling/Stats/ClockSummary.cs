namespace MultiRate.Scheduling.Stats;

/// <summary>End-of-run figures for one clock.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="RateHz">Configured rate.</param>
/// <param name="Ticks">Periods whose work ran (context clocks: triggers, including skipped triggers).</param>
/// <param name="Misses">Action clock: misses (no model result by the deadline). Context clock: skipped triggers (the previous update still ran).</param>
/// <param name="SkippedPeriods">Periods whose work did not run at all (the scheduler overran past them).</param>
/// <param name="Faults">Module faults: head faults and non-finite results (action clock); context faults, non-finite latents and timeouts (context clocks).</param>
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
