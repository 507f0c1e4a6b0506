namespace MultiRate.Bench.Logs;

/// <summary>One input of the log read benchmark, with its medians.</summary>
/// <param name="Format"><c>mcap-zstd</c>, <c>mcap-lz4</c>, <c>mcap-none</c>, <c>ulog</c>, or a field log's reader (<c>ros2-sqlite3</c>, <c>ros1-bag</c>, ...).</param>
/// <param name="Bytes">File size (a bag folder: its files together).</param>
/// <param name="Messages">Messages decoded per run.</param>
/// <param name="DecodeSeconds">Full-decode time per run.</param>
/// <param name="ScanSeconds">Raw record scan time per run (no message decoding); null for readers without a separate scan.</param>
public sealed record LogsBenchResult(string Format, long Bytes, long Messages, double[] DecodeSeconds, double[]? ScanSeconds)
{
    /// <summary>Decode throughput, MB/s (median run).</summary>
    public double DecodeMBps => Bytes / 1e6 / Median(DecodeSeconds);

    /// <summary>Decode throughput, messages/s (median run).</summary>
    public double DecodeMsgsPerSecond => Messages / Median(DecodeSeconds);

    /// <summary>Scan throughput, MB/s (median run); null without a scan.</summary>
    public double? ScanMBps => ScanSeconds is null ? null : Bytes / 1e6 / Median(ScanSeconds);

    /// <summary>Scan throughput, messages/s (median run); null without a scan.</summary>
    public double? ScanMsgsPerSecond => ScanSeconds is null ? null : Messages / Median(ScanSeconds);

    /// <summary>The median of <paramref name="values"/>.</summary>
    /// <param name="values">Run times.</param>
    /// <returns>The median.</returns>
    public static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
