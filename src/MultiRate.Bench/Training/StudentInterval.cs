namespace MultiRate.Bench.Training;

/// <summary>Mean and two-sided 95% confidence interval of a small sample, from Student's t distribution.</summary>
internal static class StudentInterval
{
    // t(0.975, df) for df = 1..30; beyond 30 the normal 1.96 is within 2%.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 97.5% quantile of t with <paramref name="df"/> degrees of freedom.</summary>
    public static double Quantile(int df) => df < 1 ? double.NaN : df <= T975.Length ? T975[df - 1] : 1.96;

    /// <summary>(mean, lo, hi); lo = hi = mean for one value; NaN for none.</summary>
    public static (double Mean, double Lo, double Hi) Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double mean = values.Average();
        if (values.Count == 1)
        {
            return (mean, mean, mean);
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        double half = Quantile(values.Count - 1) * Math.Sqrt(variance / values.Count);
        return (mean, mean - half, mean + half);
    }
}
