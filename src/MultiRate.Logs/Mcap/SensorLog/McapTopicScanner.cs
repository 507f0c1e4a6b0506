using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Works out per-topic counts and time ranges: from the message indexes when the summary points to
/// them (no decompression), else by reading the chunks through the index, else by a streamed scan.
/// </summary>
internal static class McapTopicScanner
{
    /// <summary>Returns the topics and whether the streamed scan stopped at a truncation.</summary>
    public static (IReadOnlyList<LogTopicInfo> Topics, bool Truncated) Scan(string path, McapReaderOptions options)
    {
        using FileStream file = McapSensorLog.OpenFile(path);
        var counts = new Dictionary<ushort, (long Count, ulong First, ulong Last)>();
        McapIndexedReader? indexed = McapSensorLog.TryOpenIndexed(file, path, options);
        if (indexed is { HasChunkIndexes: true } && TryScanIndexed(indexed, options, counts) is { } topics)
        {
            return (topics, false);
        }

        file.Seek(0, SeekOrigin.Begin);
        counts.Clear();
        var channels = new Dictionary<ushort, McapChannel>();
        var schemas = new Dictionary<ushort, McapSchema>();
        bool truncated = false;
        try
        {
            foreach (McapRecord record in new McapStreamReader(file, path, options).ReadRecords())
            {
                switch (record)
                {
                    case McapSchema schema:
                        schemas.TryAdd(schema.Id, schema);
                        break;
                    case McapChannel channel:
                        channels.TryAdd(channel.Id, channel);
                        break;
                    case McapMessage message:
                        Count(counts, message.ChannelId, message.LogTime);
                        break;
                }
            }
        }
        catch (LogFormatException ex) when (ex.IsTruncation || options.AllowTruncated)
        {
            // A crashed (or, when allowed, damaged) recording: report what is there; IsTruncated tells the caller.
            truncated = true;
        }

        return (Build(channels, schemas, counts), truncated);
    }

    /// <summary>Counts through the index; null when the index is damaged and damage is allowed (the caller then streams).</summary>
    private static List<LogTopicInfo>? TryScanIndexed(McapIndexedReader indexed, McapReaderOptions options, Dictionary<ushort, (long Count, ulong First, ulong Last)> counts)
    {
        try
        {
                if (indexed.ChunkIndexes.All(c => c.MessageIndexOffsets.Count > 0))
                {
                    foreach (McapMessageIndex index in indexed.ChunkIndexes.SelectMany(indexed.ReadMessageIndexes))
                    {
                        foreach (McapMessageIndexEntry entry in index.Entries)
                        {
                            Count(counts, index.ChannelId, entry.LogTime);
                        }
                    }
                }
                else
                {
                    foreach (McapMessage message in indexed.ReadMessages())
                    {
                        Count(counts, message.ChannelId, message.LogTime);
                    }
                }

            return Build(indexed.Channels, indexed.Schemas, counts);
        }
        catch (LogFormatException) when (options.AllowTruncated)
        {
            return null;
        }
    }

    private static void Count(Dictionary<ushort, (long Count, ulong First, ulong Last)> counts, ushort channelId, ulong logTime)
    {
        counts[channelId] = counts.TryGetValue(channelId, out var c)
            ? (c.Count + 1, Math.Min(c.First, logTime), Math.Max(c.Last, logTime))
            : (1, logTime, logTime);
    }

    private static List<LogTopicInfo> Build(
        IReadOnlyDictionary<ushort, McapChannel> channels, IReadOnlyDictionary<ushort, McapSchema> schemas, Dictionary<ushort, (long Count, ulong First, ulong Last)> counts)
    {
        var topics = new List<LogTopicInfo>();
        foreach (IGrouping<string, McapChannel> group in channels.Values.OrderBy(c => c.Id).GroupBy(c => c.Topic))
        {
            McapChannel first = group.First();
            var seen = group.Where(c => counts.ContainsKey(c.Id)).Select(c => counts[c.Id]).ToList();
            string schemaName = schemas.TryGetValue(first.SchemaId, out McapSchema? schema) ? schema.Name : string.Empty;
            topics.Add(new LogTopicInfo(
                group.Key,
                seen.Sum(c => c.Count),
                seen.Count == 0 ? 0 : ToNs(seen.Min(c => c.First)),
                seen.Count == 0 ? 0 : ToNs(seen.Max(c => c.Last)),
                first.MessageEncoding,
                schemaName));
        }

        return topics.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The record parser refuses times past <see cref="LogTime.MaxNs"/>, so this conversion is exact.</summary>
    private static long ToNs(ulong time) => checked((long)time);
}
