using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Profile;

/// <summary>What one full-graph real-time run measured.</summary>
/// <param name="SamplesUs">Per clock, the response time in us of every counted tick whose module ran (see <see cref="GraphRun"/>).</param>
/// <param name="Clocks">Per clock, in profile order: counted ticks and misses.</param>
/// <param name="Summary">The run's summary, from its ledger.</param>
/// <param name="PlacementNote">Why the OS refused the CPU pin or real-time priority the run asked for; null when it got them (or asked for none).</param>
public sealed record GraphRunResult(
    IReadOnlyDictionary<string, double[]> SamplesUs,
    IReadOnlyList<ClockTally> Clocks,
    RunSummary Summary,
    string? PlacementNote);
