namespace MultiRate.Training.Fitting;

/// <summary>Prediction error per target dimension: MSE and R^2 (null where the target is constant).</summary>
/// <param name="Count">Samples scored.</param>
/// <param name="Mse">Mean squared error per dimension.</param>
/// <param name="R2">Coefficient of determination per dimension; null where the target has no variance.</param>
public sealed record RegressionMetrics(int Count, double[] Mse, double?[] R2)
{
    /// <summary>Mean of the defined R^2 values, or null when none is defined.</summary>
    public double? MeanR2 => R2.Any(r => r.HasValue) ? R2.Where(r => r.HasValue).Average(r => r!.Value) : null;

    /// <summary>MSE averaged over dimensions.</summary>
    public double MeanMse => Mse.Length == 0 ? double.NaN : Mse.Average();

    /// <summary>Scores row-major predictions against targets of width <paramref name="dims"/>.</summary>
    public static RegressionMetrics Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int dims)
    {
        if (predictions.Length != targets.Length || dims <= 0 || targets.Length % dims != 0)
        {
            throw new ArgumentException($"expected equal-length predictions and targets of width {dims}; got {predictions.Length} and {targets.Length}");
        }

        int n = targets.Length / dims;
        double[] mse = new double[dims];
        double?[] r2 = new double?[dims];
        for (int d = 0; d < dims; d++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += targets[(i * dims) + d];
            }

            mean /= Math.Max(1, n);
            double res = 0;
            double tot = 0;
            for (int i = 0; i < n; i++)
            {
                double y = targets[(i * dims) + d];
                double e = predictions[(i * dims) + d] - y;
                res += e * e;
                tot += (y - mean) * (y - mean);
            }

            mse[d] = n == 0 ? double.NaN : res / n;
            r2[d] = n == 0 || tot / n < Normalizer.ConstantStd * Normalizer.ConstantStd ? null : 1 - (res / tot);
        }

        return new RegressionMetrics(n, mse, r2);
    }
}
