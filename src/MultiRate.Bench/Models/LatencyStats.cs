namespace MultiRate.Bench.Models;

/// <summary>Latency percentiles of one measured operation.</summary>
/// <param name="P50Us">Median, microseconds.</param>
/// <param name="P99Us">99th percentile, microseconds.</param>
/// <param name="MaxUs">Worst sample, microseconds.</param>
/// <param name="Samples">Samples measured (after warm-up).</param>
public sealed record LatencyStats(double P50Us, double P99Us, double MaxUs, int Samples)
{
    /// <summary>Computes the percentiles of raw samples (nearest rank).</summary>
    public static LatencyStats FromSamples(double[] samplesUs)
    {
        ArgumentNullException.ThrowIfNull(samplesUs);
        if (samplesUs.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0);
        }

        double[] sorted = (double[])samplesUs.Clone();
        Array.Sort(sorted);
        return new LatencyStats(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted.Length);
    }

    private static double Rank(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
