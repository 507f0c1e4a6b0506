namespace MultiRate.Bench.Diagnostics;

/// <summary>Percentiles of a <see cref="LatencyHistogram"/>, in microseconds.</summary>
/// <param name="Samples">Samples recorded.</param>
/// <param name="P50Us">Median.</param>
/// <param name="P90Us">90th percentile.</param>
/// <param name="P99Us">99th percentile.</param>
/// <param name="P999Us">99.9th percentile.</param>
/// <param name="MaxUs">Largest sample.</param>
/// <param name="MeanUs">Mean.</param>
public sealed record LatencyDistribution(long Samples, double P50Us, double P90Us, double P99Us, double P999Us, double MaxUs, double MeanUs);
