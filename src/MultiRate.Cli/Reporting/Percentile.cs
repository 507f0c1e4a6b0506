namespace MultiRate.Cli.Reporting;

/// <summary>Nearest-rank percentiles over a sample.</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="p"/>-th percentile (0-100) of <paramref name="values"/>, or NaN when empty.</summary>
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
