using HdrHistogram;
using HdrHistogram.Iteration;
using MultiRate.Scheduling.Diagnostics;

namespace MultiRate.Bench.Diagnostics;

/// <summary>
/// A full latency distribution in nanoseconds (HdrHistogram, 3 significant digits, 1 ns to 10 s),
/// read back in microseconds. Recording allocates nothing, so it can sit on the fast path.
/// </summary>
/// <remarks>Values outside 0..10 s are clamped (and counted in <see cref="Clamped"/>) instead of throwing on a clock.</remarks>
public sealed class LatencyHistogram
{
    /// <summary>The largest value kept as is: 10 s in nanoseconds.</summary>
    public const long MaxTrackableNs = 10_000_000_000L;

    // Prefaulted: recording a new range of values must not fault a page in on the clock thread.
    private readonly LongHistogram _histogram = PrefaultedHistogram.Create(MaxTrackableNs, 3);

    /// <summary>Samples recorded.</summary>
    public long Count => _histogram.TotalCount;

    /// <summary>Samples that were negative or above <see cref="MaxTrackableNs"/> and were clamped.</summary>
    public long Clamped { get; private set; }

    /// <summary>Records one value in nanoseconds.</summary>
    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0 || nanoseconds > MaxTrackableNs)
        {
            Clamped++;
            nanoseconds = Math.Clamp(nanoseconds, 0, MaxTrackableNs);
        }

        _histogram.RecordValue(nanoseconds);
    }

    /// <summary>Adds every sample of <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _histogram.Add(other._histogram);
        Clamped += other.Clamped;
    }

    /// <summary>The value at <paramref name="percentile"/> (0..100), in microseconds; 0 when empty.</summary>
    public double PercentileUs(double percentile) => Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1e3;

    /// <summary>The largest sample in microseconds; 0 when empty.</summary>
    public double MaxUs => Count == 0 ? 0 : _histogram.GetMaxValue() / 1e3;

    /// <summary>The mean in microseconds; 0 when empty.</summary>
    public double MeanUs => Count == 0 ? 0 : _histogram.GetMean() / 1e3;

    /// <summary>Samples strictly above <paramref name="thresholdNs"/>, to the histogram's 3-digit precision (a bucket counts when its top is above).</summary>
    public long CountAbove(long thresholdNs)
    {
        long above = 0;
        foreach (HistogramIterationValue v in _histogram.RecordedValues())
        {
            if (v.ValueIteratedTo > thresholdNs)
            {
                above += v.CountAddedInThisIterationStep;
            }
        }

        return above;
    }

    /// <summary>The percentiles as a record.</summary>
    public LatencyDistribution ToDistribution() => new(Count, PercentileUs(50), PercentileUs(90), PercentileUs(99), PercentileUs(99.9), MaxUs, MeanUs);
}
