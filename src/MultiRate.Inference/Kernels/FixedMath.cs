namespace MultiRate.Inference.Kernels;

/// <summary>
/// exp and tanh with one fixed sequence of IEEE double operations, so they give the same bits on
/// every x86-64 CPU (and with every C library).
/// </summary>
/// <remarks>
/// The C library's expf/tanhf (what MathF calls) pick FMA or non-FMA code at load time and differ
/// between libm versions; libtorch's vectorised tanh/exp differ per instruction set. Here every
/// step is a double add, multiply or divide (the JIT never fuses them), so the result depends on
/// the input only. Accuracy: the double result is within a few double ulps, so the float result is
/// the correctly rounded one except where the exact value lies within about 1e-15 of a rounding
/// boundary. Thread-safe, no allocation.
/// </remarks>
internal static class FixedMath
{
    private const double Log2E = 1.4426950408889634;

    // ln 2 split so that n * Ln2Hi is exact for |n| < 2^11 (Cody-Waite reduction).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>e^x in float, from <see cref="ExpDouble"/>.</summary>
    public static float Exp(float x) => (float)ExpDouble(x);

    /// <summary>tanh(x) in float: odd, |result| &lt;= 1, exact sign, +-1 for |x| &gt;= 9.1.</summary>
    public static float Tanh(float x)
    {
        if (float.IsNaN(x))
        {
            return x;
        }

        double a = Math.Abs((double)x);
        double t;
        if (a >= 9.1)
        {
            // tanh(9.1) = 1 - 2.5e-8, which rounds to 1 in float; also covers infinities.
            t = 1.0;
        }
        else if (a < 1.0 / 4096)
        {
            // tanh(a) = a - a^3/3 + ..., the next term is below 2^-60 relative.
            t = a - (a * a * a / 3.0);
        }
        else
        {
            // (e^2a - 1) / (e^2a + 1): for a >= 2^-12 the subtraction keeps ~40 correct bits.
            double e = ExpDouble(2.0 * a);
            t = (e - 1.0) / (e + 1.0);
        }

        return (float)(x < 0 ? -t : t);
    }

    /// <summary>e^x in double (within a few ulps), fixed operation order.</summary>
    public static double ExpDouble(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 709.78)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.2)
        {
            return 0.0;
        }

        // x = n ln2 + r, |r| <= ln2 / 2; e^r by its Taylor series to r^13/13! (error < 2^-60).
        double n = Math.Floor((x * Log2E) + 0.5);
        double r = (x - (n * Ln2Hi)) - (n * Ln2Lo);
        double p = 1.0 / 6227020800.0;
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;

        // ScaleB is exact (a managed bit manipulation), also into the subnormal range.
        return Math.ScaleB(p, (int)n);
    }

    /// <summary>ln x in double (within a few ulps), fixed operation order; NaN below 0, -inf at 0.</summary>
    public static double LogDouble(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        // x = m 2^e with m in [sqrt(1/2), sqrt(2)): ln x = e ln2 + 2 atanh((m - 1) / (m + 1)).
        int e = 0;
        if (x < double.Epsilon * 4503599627370496.0)
        {
            x *= 18014398509481984.0; // 2^54: subnormals become normal, exactly
            e = -54;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }

        // |t| <= 0.1716: the series to t^21 leaves less than 2^-60.
        double t = (m - 1.0) / (m + 1.0);
        double t2 = t * t;
        double p = 1.0 / 21.0;
        for (int k = 19; k >= 3; k -= 2)
        {
            p = (p * t2) + (1.0 / k);
        }

        p = (p * t2) + 1.0;
        return (e * Ln2Hi) + ((2.0 * t * p) + (e * Ln2Lo));
    }
}
