using MultiRate.Bench.Profile;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Running;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// Proves a tuned profile before it is written: runs the whole graph under it in real time (every
/// clock at its rate, the same CPU layout and priority as the measurement) and compares each clock's
/// achieved miss rate with the profile's tolerance and with the rate the measurements predicted.
/// </summary>
/// <remarks>
/// Blocks the calling thread for the run. The run's deadlines are the tuned budgets; ticks in
/// <see cref="GraphRunOptions.WarmUp"/> run but are not counted (give it the measurement's warm-up).
/// </remarks>
public static class TuneConfirmation
{
    /// <summary>Runs the confirmation.</summary>
    /// <param name="tuned">The tuned profile (validated) and the model config.</param>
    /// <param name="original">The profile before tuning (its budgets are reported beside the tuned ones).</param>
    /// <param name="recommendations">The measurements the tuned budgets came from (for the predicted miss rate).</param>
    /// <param name="options">Duration and priority of the run.</param>
    /// <param name="cancellation">Stops the run early (the report covers what ran).</param>
    public static ConfirmationReport Confirm(RunPlan tuned, RateProfile original, ProfileBenchReport recommendations, GraphRunOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(options);
        GraphRunResult run = GraphRun.Run(tuned, options, cancellation);
        double tolerance = tuned.Profile.Tuning.MissTolerance;
        var clocks = new List<ClockConfirmation>();
        foreach (ClockDefinition clock in tuned.Profile.Clocks)
        {
            ClockTally tally = run.Clocks.First(t => t.Name == clock.Name);
            long before = original.Clocks.FirstOrDefault(c => c.Name == clock.Name)?.BudgetUs ?? clock.BudgetUs;
            ClockRecommendation? rec = recommendations.Clocks.FirstOrDefault(r => r.Name == clock.Name);
            // The prediction holds for the budget the confirmation ran with, which is the recommendation unless tune left the clock alone.
            double? predicted = rec?.Latency.FractionAbove(clock.BudgetUs);
            clocks.Add(new ClockConfirmation(clock.Name, before, clock.BudgetUs, tally.Ticks, tally.Misses, predicted, tolerance));
        }

        // The counted time: the run less its warm-up (less still when it was stopped early).
        double counted = Math.Clamp(run.Summary.DurationSeconds - options.WarmUp.TotalSeconds, 0, options.Duration.TotalSeconds);
        return new ConfirmationReport(counted, tolerance, clocks, run.PlacementNote);
    }
}
