using MultiRate.Logs.FieldPaths;

namespace MultiRate.Logs.Replay;

/// <summary>The time series of one field path: sample times (log time, ns) and values, sorted by time.</summary>
/// <remarks>Treat the arrays as read-only; <see cref="ReplaySensorSource"/> shares them.</remarks>
public sealed class FieldSeries
{
    internal FieldSeries(FieldPath path, long[] timesNs, float[] values)
    {
        Path = path;
        TimesNs = timesNs;
        Values = values;
    }

    /// <summary>The parsed field path.</summary>
    public FieldPath Path { get; }

    /// <summary>The field path as written.</summary>
    public string Field => Path.Text;

    /// <summary>Sample times in log nanoseconds, non-decreasing.</summary>
    public long[] TimesNs { get; }

    /// <summary>Sample values, one per time.</summary>
    public float[] Values { get; }

    /// <summary>Number of samples.</summary>
    public int Count => TimesNs.Length;
}
