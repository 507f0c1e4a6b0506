using System.Globalization;

namespace MultiRate.Configuration.Rates;

/// <summary>Integer helpers for rate checks: divisors and the nearest valid rates.</summary>
internal static class RateMath
{
    /// <summary>
    /// The base tick rate must divide this: the base period is then a whole number of 100 ns,
    /// exact both in nanoseconds and in .NET ticks (Rx's DateTimeOffset-based virtual time).
    /// </summary>
    public const long MaxBaseTickHz = 10_000_000;

    /// <summary>The largest divisor of <paramref name="n"/> below <paramref name="x"/> and the smallest above (null when none).</summary>
    public static (long? Below, long? Above) NearestDivisors(long n, long x)
    {
        long? below = null;
        long? above = null;
        for (long d = 1; d * d <= n; d++)
        {
            if (n % d != 0)
            {
                continue;
            }

            foreach (long c in (ReadOnlySpan<long>)[d, n / d])
            {
                if (c < x && (below is null || c > below))
                {
                    below = c;
                }

                if (c > x && (above is null || c < above))
                {
                    above = c;
                }
            }
        }

        return (below, above);
    }

    /// <summary>Formats "250 Hz (below) and 500 Hz (above)" or just one side.</summary>
    public static string FormatNearest((long? Below, long? Above) nearest)
    {
        var parts = new List<string>(2);
        if (nearest.Below is { } b)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{b} Hz (below)"));
        }

        if (nearest.Above is { } a)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{a} Hz (above)"));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>Formats nanoseconds as microseconds without losing the 100 ns digit.</summary>
    public static string Micros(long ns) =>
        (ns / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + " us";
}
