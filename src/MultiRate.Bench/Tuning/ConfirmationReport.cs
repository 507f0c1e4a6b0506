namespace MultiRate.Bench.Tuning;

/// <summary>The outcome of a confirmation run under a tuned profile.</summary>
/// <param name="Seconds">Run time counted, seconds.</param>
/// <param name="Tolerance">The profile's <c>tuning.miss_tolerance</c>.</param>
/// <param name="Clocks">One entry per clock, in profile order.</param>
/// <param name="PlacementNote">Why the OS refused the run's CPU pin or priority; null when it got them.</param>
public sealed record ConfirmationReport(double Seconds, double Tolerance, IReadOnlyList<ClockConfirmation> Clocks, string? PlacementNote)
{
    /// <summary>True when every clock's miss rate is within the tolerance: the tuned budgets may be written.</summary>
    public bool Accepted => Clocks.All(c => c.Meets);
}
