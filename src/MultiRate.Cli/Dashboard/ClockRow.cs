namespace MultiRate.Cli.Dashboard;

/// <summary>One clock's line of the dashboard.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="RateHz">Configured rate.</param>
/// <param name="AchievedHz">Configured rate times the share of its periods that ran, over the last 2 s (<see cref="RateWindow"/>).</param>
/// <param name="Ticks">Ticks so far.</param>
/// <param name="P50Us">Compute latency p50 since the start, us.</param>
/// <param name="P99Us">Compute latency p99, us.</param>
/// <param name="MaxUs">Compute latency max, us.</param>
/// <param name="BudgetUs">Budget in effect, us.</param>
/// <param name="Misses">Action clock: misses (no model result by the deadline). Context clocks: skipped triggers.</param>
/// <param name="Skipped">Periods skipped whole after overruns (no tick ran).</param>
/// <param name="Faults">Module faults (threw, non-finite, timed out).</param>
/// <param name="RecursionP50">Recursion steps per update, p50 (slow clocks).</param>
/// <param name="RecursionMax">Recursion steps per update, max.</param>
internal sealed record ClockRow(
    string Name,
    long RateHz,
    double AchievedHz,
    long Ticks,
    double P50Us,
    double P99Us,
    double MaxUs,
    double BudgetUs,
    long Misses,
    long Skipped,
    long Faults,
    double RecursionP50,
    double RecursionMax);
