using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.DataFlash;

/// <summary>
/// One pass over a DataFlash log for its topics: per message name the count and the first/last log time,
/// the first <c>TimeUS</c> in the file, the formats, and where a damaged or cut log stopped.
/// </summary>
internal sealed class DataFlashScan
{
    private DataFlashScan(IReadOnlyList<LogTopicInfo> topics, long? firstTimeNs, IReadOnlyDictionary<string, string> formats, LogFormatException? stop)
    {
        Topics = topics;
        FirstTimeNs = firstTimeNs;
        Formats = formats;
        Stop = stop;
    }

    /// <summary>Topics sorted by name.</summary>
    public IReadOnlyList<LogTopicInfo> Topics { get; }

    /// <summary>The first <c>TimeUS</c> in file order, in ns (the time of messages without one that come before it).</summary>
    public long? FirstTimeNs { get; }

    /// <summary>Format characters by message name, as the FMT records define them.</summary>
    public IReadOnlyDictionary<string, string> Formats { get; }

    /// <summary>The truncation (or allowed damage) the scan stopped at, or null when it read to the end.</summary>
    public LogFormatException? Stop { get; }

    /// <summary>Scans <paramref name="stream"/>.</summary>
    public static DataFlashScan Run(Stream stream, string path, bool allowTruncated)
    {
        var reader = new DataFlashRecordReader(stream, path);
        var stats = new Dictionary<string, (long Count, long First, long Last, bool Early)>(StringComparer.Ordinal);
        long? first = null;
        long? latest = null;
        LogFormatException? stop = null;
        try
        {
            while (reader.Next())
            {
                long? time = DataFlashTime.Of(reader, path) ?? latest;
                if (reader.Format.TimeColumn >= 0)
                {
                    first ??= time;
                    latest = time;
                }

                string name = reader.Format.Name;
                long t = time ?? long.MaxValue;
                stats[name] = stats.TryGetValue(name, out var s)
                    ? (s.Count + 1, Math.Min(s.First, t), time is null ? s.Last : Math.Max(s.Last, t), s.Early || time is null)
                    : (1, t, time ?? long.MinValue, time is null);
            }
        }
        catch (LogFormatException ex) when (ex.IsTruncation || allowTruncated)
        {
            // A log cut mid-message (the usual end of an onboard log) or allowed damage: keep what came before.
            stop = ex;
        }

        long firstNs = first ?? 0;
        var topics = stats
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new LogTopicInfo(
                p.Key,
                p.Value.Count,
                p.Value.Early ? Math.Min(firstNs, p.Value.First) : p.Value.First,
                Math.Max(p.Value.Early ? firstNs : long.MinValue, p.Value.Last),
                DataFlashSensorLog.EncodingName,
                p.Key))
            .ToList();
        var formats = reader.Formats.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Format, StringComparer.Ordinal);
        return new DataFlashScan(topics, first, formats, stop);
    }
}
