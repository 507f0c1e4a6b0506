namespace MultiRate.Bench.Diagnostics;

/// <summary>What <see cref="TickLoopHarness.RunInterleaved"/> measured.</summary>
/// <param name="Histograms">One per-tick latency distribution per variant, in the variants' order.</param>
/// <param name="BlockMedianUs">Median tick time of every block, per variant (for block-to-block spread).</param>
/// <param name="TimerOverheadNs">Median cost of one pair of timestamp reads, included in every sample.</param>
/// <param name="AllocatedBytes">Managed bytes allocated on the measuring thread during the measured blocks, per variant.</param>
public sealed record TickLoopResult(
    IReadOnlyList<LatencyHistogram> Histograms,
    IReadOnlyList<IReadOnlyList<double>> BlockMedianUs,
    double TimerOverheadNs,
    IReadOnlyList<long> AllocatedBytes);
