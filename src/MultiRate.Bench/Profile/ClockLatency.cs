using System.Globalization;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>Latency statistics of one clock's module, in microseconds, with the raw samples when they are known.</summary>
/// <param name="Samples">Number of timed calls.</param>
/// <param name="P50Us">Median.</param>
/// <param name="P99Us">99th percentile.</param>
/// <param name="P999Us">99.9th percentile.</param>
/// <param name="MaxUs">Slowest call.</param>
/// <param name="SortedSamplesUs">Every sample, ascending; null when only the summary is known (a saved benchmark without raw samples).</param>
/// <remarks>Percentiles are nearest-rank: the smallest sample with at least q% of the samples at or below it.</remarks>
public sealed record ClockLatency(int Samples, double P50Us, double P99Us, double P999Us, double MaxUs, IReadOnlyList<double>? SortedSamplesUs = null)
{
    /// <summary>Summarises raw samples.</summary>
    /// <param name="samplesUs">Latencies in microseconds; finite and non-negative.</param>
    /// <param name="clock">Clock name, for messages.</param>
    /// <exception cref="TuningInputException">No samples, or a negative or non-finite one.</exception>
    public static ClockLatency FromSamples(IEnumerable<double> samplesUs, string clock)
    {
        ArgumentNullException.ThrowIfNull(samplesUs);
        double[] sorted = [.. samplesUs];
        if (sorted.Length == 0)
        {
            throw new TuningInputException($"clock '{clock}': no latency samples; expected at least one measured call to recommend a budget from");
        }

        for (int i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(sorted[i]) || sorted[i] < 0)
            {
                throw new TuningInputException(string.Create(CultureInfo.InvariantCulture, $"clock '{clock}': sample {i} is {sorted[i]}; expected a finite latency >= 0 us"));
            }
        }

        Array.Sort(sorted);
        return new ClockLatency(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 99), NearestRank(sorted, 99.9), sorted[^1], sorted);
    }

    /// <summary>The latency at percentile <paramref name="quantile"/>.</summary>
    /// <param name="quantile">Percentile in (0, 100].</param>
    /// <param name="clock">Clock name, for messages.</param>
    /// <exception cref="TuningInputException">
    /// Only the summary is known and <paramref name="quantile"/> is not one of 50, 99, 99.9 or 100.
    /// </exception>
    public double At(double quantile, string clock)
    {
        if (SortedSamplesUs is { Count: > 0 } sorted)
        {
            return NearestRank(sorted, quantile);
        }

        return quantile switch
        {
            50 => P50Us,
            99 => P99Us,
            99.9 => P999Us,
            100 => MaxUs,
            _ => throw new TuningInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"clock '{clock}': quantile {quantile} needs the raw samples, but only p50/p99/p99.9/max are known; choose 50, 99, 99.9 or 100, or save the benchmark with 'bench profile --json --raw'")),
        };
    }

    /// <summary>
    /// Fraction of the samples slower than <paramref name="budgetUs"/>: the miss rate these measurements
    /// predict for that budget. Null when only the summary is known.
    /// </summary>
    public double? FractionAbove(double budgetUs)
    {
        if (SortedSamplesUs is not { Count: > 0 } sorted)
        {
            return null;
        }

        // Ascending: find the first sample above the budget.
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] > budgetUs)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (double)(sorted.Count - lo) / sorted.Count;
    }

    /// <summary>Nearest-rank percentile of ascending <paramref name="sorted"/>: element ceil(q/100 x n), 1-based.</summary>
    internal static double NearestRank(IReadOnlyList<double> sorted, double quantile)
    {
        // Decimal keeps q/100 x n exact for the quantiles people type (99.9 x 1000 = 999, not 999.0000000000001).
        decimal rank = Math.Ceiling((decimal)quantile / 100m * sorted.Count);
        int index = (int)Math.Clamp(rank, 1m, sorted.Count) - 1;
        return sorted[index];
    }
}
