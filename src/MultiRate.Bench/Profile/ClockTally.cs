namespace MultiRate.Bench.Profile;

/// <summary>Ticks and misses of one clock in a full-graph run.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="Ticks">Periods counted: ticks observed plus periods the scheduler skipped after an overrun.</param>
/// <param name="Misses">
/// Action clock: misses (no model result by the deadline) plus skipped periods. Context clock: skipped
/// triggers, failed, timed-out or rejected updates, updates that finished past the budget, plus skipped periods.
/// </param>
public sealed record ClockTally(string Name, long Ticks, long Misses)
{
    /// <summary>Misses / ticks; 0 when no tick was counted.</summary>
    public double MissRate => Ticks == 0 ? 0 : (double)Misses / Ticks;
}
