using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>Per-topic counts and time ranges: from each chunk's index data (no decompression), or by scanning an unindexed bag.</summary>
internal static class Ros1BagTopics
{
    /// <summary>The encoding reported for every topic.</summary>
    public const string Encoding = "ros1";

    /// <summary>Topics sorted by name.</summary>
    public static IReadOnlyList<LogTopicInfo> Scan(Func<Stream> open, string path, Ros1BagFile bag, bool allowTruncated)
    {
        using Stream stream = open();
        var stats = new Dictionary<uint, (long Count, long First, long Last)>();
        Dictionary<uint, Ros1BagConnection> connections = bag.Connections;
        if (bag.Indexed)
        {
            var reader = new Ros1BagStreamReader(stream, path);
            foreach (Ros1BagChunkInfo chunk in bag.Chunks)
            {
                foreach (Ros1BagIndexEntry e in Ros1BagFile.ReadChunkIndex(reader, chunk))
                {
                    Count(stats, e.Connection, e.TimeNs);
                }
            }
        }
        else
        {
            connections = [];
            try
            {
                foreach (Ros1BagRawMessage m in Ros1BagScanReader.Read(stream, path, connections, _ => { }))
                {
                    Count(stats, m.Connection.Id, m.TimeNs);
                }
            }
            catch (LogFormatException ex) when (ex.IsTruncation || allowTruncated)
            {
                // A bag whose recorder stopped mid-write: report what is there (a read then stops at the same place).
            }
        }

        return connections.Values
            .OrderBy(c => c.Id)
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .Select(g =>
            {
                var seen = g.Where(c => stats.ContainsKey(c.Id)).Select(c => stats[c.Id]).ToList();
                return new LogTopicInfo(
                    g.Key,
                    seen.Sum(s => s.Count),
                    seen.Count == 0 ? 0 : seen.Min(s => s.First),
                    seen.Count == 0 ? 0 : seen.Max(s => s.Last),
                    Encoding,
                    g.First().Type);
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static void Count(Dictionary<uint, (long Count, long First, long Last)> stats, uint id, long time) =>
        stats[id] = stats.TryGetValue(id, out var s) ? (s.Count + 1, Math.Min(s.First, time), Math.Max(s.Last, time)) : (1, time, time);
}
