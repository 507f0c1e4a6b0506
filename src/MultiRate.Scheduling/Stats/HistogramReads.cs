using HdrHistogram;

namespace MultiRate.Scheduling.Stats;

/// <summary>Reads of a latency histogram that are 0, not an exception, when nothing was recorded.</summary>
public static class HistogramReads
{
    /// <summary>A histogram percentile, 0 when empty.</summary>
    /// <param name="h">The histogram.</param>
    /// <param name="p">The percentile (0..100).</param>
    /// <returns>The value at <paramref name="p"/>, in the histogram's unit.</returns>
    public static double Percentile(HistogramBase h, double p)
    {
        ArgumentNullException.ThrowIfNull(h);
        return h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(p);
    }

    /// <summary>A histogram maximum, 0 when empty.</summary>
    /// <param name="h">The histogram.</param>
    /// <returns>The largest recorded value.</returns>
    public static double Max(HistogramBase h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return h.TotalCount == 0 ? 0 : h.GetMaxValue();
    }
}
