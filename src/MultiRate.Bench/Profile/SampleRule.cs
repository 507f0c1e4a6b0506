using System.Globalization;

namespace MultiRate.Bench.Profile;

/// <summary>
/// How many samples a percentile needs before it means what its name says: about ten samples beyond
/// it, i.e. n &gt;= 10 / (1 - q/100): p99.9 needs 10,000, p99 1,000, p50 20. From fewer, nearest rank
/// returns one of the few slowest samples (from under 1,000 samples, p99.9 is simply the maximum), so
/// every output that shows such a figure says so.
/// </summary>
public static class SampleRule
{
    /// <summary>Samples beyond the percentile the rule asks for.</summary>
    public const int TailSamples = 10;

    /// <summary>Samples percentile <paramref name="quantile"/> needs; null for 100 (the maximum is never a settled figure).</summary>
    /// <param name="quantile">Percentile in (0, 100].</param>
    public static long? Required(double quantile)
    {
        if (quantile >= 100)
        {
            return null;
        }

        // Decimal: 10 / (1 - 0.999) is exactly 10,000, not 9,999.999999999.
        decimal tail = 1m - ((decimal)quantile / 100m);
        return (long)Math.Ceiling(TailSamples / tail);
    }

    /// <summary>True when <paramref name="samples"/> are enough for percentile <paramref name="quantile"/>.</summary>
    public static bool IsReliable(double quantile, long samples) => Required(quantile) is long needed && samples >= needed;

    /// <summary>A note saying why the percentile is not settled, or null when it is.</summary>
    /// <param name="quantile">Percentile in (0, 100].</param>
    /// <param name="samples">Samples it was taken from.</param>
    public static string? Note(double quantile, long samples)
    {
        if (Required(quantile) is not long needed)
        {
            return Inv($"p100 is the maximum of {samples} samples: a longer run may see a slower one");
        }

        return samples >= needed
            ? null
            : Inv($"p{quantile} from {samples} samples is not reliable: it needs {needed} ({TailSamples} beyond the percentile); measure longer (--samples), or read it as the slowest of a short run");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
