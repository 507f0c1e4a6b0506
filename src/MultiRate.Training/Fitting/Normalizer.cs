namespace MultiRate.Training.Fitting;

/// <summary>Per-column mean and standard deviation of a row-major matrix (training rows only).</summary>
/// <param name="Mean">Per-column mean.</param>
/// <param name="Std">Per-column standard deviation, floored so a constant column divides by 1.</param>
public sealed record Normalizer(float[] Mean, float[] Std)
{
    /// <summary>Below this a column counts as constant.</summary>
    public const double ConstantStd = 1e-6;

    /// <summary>Statistics of the rows <paramref name="rows"/> of a [*, columns] matrix.</summary>
    public static Normalizer Fit(float[] data, int columns, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        double[] sum = new double[columns];
        double[] sq = new double[columns];
        foreach (int r in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                double v = data[(r * columns) + c];
                sum[c] += v;
                sq[c] += v * v;
            }
        }

        float[] mean = new float[columns];
        float[] std = new float[columns];
        int n = Math.Max(1, rows.Count);
        for (int c = 0; c < columns; c++)
        {
            double m = sum[c] / n;
            double s = Math.Sqrt(Math.Max(0, (sq[c] / n) - (m * m)));
            mean[c] = (float)m;
            std[c] = s < ConstantStd ? 1f : (float)s;
        }

        return new Normalizer(mean, std);
    }
}
