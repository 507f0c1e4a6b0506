using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// Reads a closed bag's messages in time order through its index, merging chunks whose time ranges
/// overlap: a chunk is read and decompressed only when the merge reaches its start time and dropped
/// when its last message is out, so memory holds the chunks that overlap in time, not the whole bag.
/// Ties go by connection id, then chunk and offset.
/// </summary>
internal static class Ros1BagIndexedReader
{
    /// <summary>Messages of the <paramref name="wanted"/> connections in [start, end], in time order.</summary>
    public static IEnumerable<Ros1BagRawMessage> Read(Stream stream, string path, Ros1BagFile bag, IReadOnlySet<uint> wanted, long start, long end)
    {
        var reader = new Ros1BagStreamReader(stream, path);
        var queue = new PriorityQueue<int, (long Time, long Conn, int Chunk, long Offset)>();
        for (int i = 0; i < bag.Chunks.Count; i++)
        {
            Ros1BagChunkInfo info = bag.Chunks[i];
            if (info.EndNs >= start && info.StartNs <= end && info.Counts.Keys.Any(wanted.Contains))
            {
                queue.Enqueue(i, (info.StartNs, -1, i, -1));
            }
        }

        var open = new Dictionary<int, (byte[] Data, Ros1BagIndexEntry[] Entries, int Next)>();
        while (queue.TryDequeue(out int chunk, out var key))
        {
            Ros1BagChunkInfo info = bag.Chunks[chunk];
            if (key.Conn < 0)
            {
                // The merge has reached this chunk's start: read its index and data.
                Ros1BagIndexEntry[] entries = Ros1BagFile.ReadChunkIndex(reader, info).Where(e => wanted.Contains(e.Connection) && e.TimeNs >= start && e.TimeNs <= end).ToArray();
                reader.Seek(info.Position);
                Ros1BagRecord record = reader.Next()!;
                byte[] data = Ros1BagFile.Field(reader, record, Ros1BagRecord.Chunk, "chunk", Ros1BagChunks.Decompress);
                open[chunk] = (data, entries, 0);
                Advance(queue, open, chunk);
                continue;
            }

            var (bytes, list, next) = open[chunk];
            Ros1BagIndexEntry entry = list[next - 1];
            yield return Message(path, bag, info, bytes, entry);
            Advance(queue, open, chunk);
        }
    }

    private static void Advance(PriorityQueue<int, (long, long, int, long)> queue, Dictionary<int, (byte[] Data, Ros1BagIndexEntry[] Entries, int Next)> open, int chunk)
    {
        var (data, entries, next) = open[chunk];
        if (next >= entries.Length)
        {
            open.Remove(chunk);
            return;
        }

        Ros1BagIndexEntry e = entries[next];
        open[chunk] = (data, entries, next + 1);
        queue.Enqueue(chunk, (e.TimeNs, e.Connection, chunk, e.Offset));
    }

    private static Ros1BagRawMessage Message(string path, Ros1BagFile bag, Ros1BagChunkInfo info, byte[] chunk, Ros1BagIndexEntry entry)
    {
        try
        {
            Ros1BagRecord record = Ros1BagChunks.RecordAt(chunk, checked((int)entry.Offset));
            if (record.Op != Ros1BagRecord.MessageData || record.UInt32("conn") != entry.Connection)
            {
                throw new FormatException($"a message data record of connection {entry.Connection} where the index points");
            }

            if (!bag.Connections.TryGetValue(entry.Connection, out Ros1BagConnection? connection))
            {
                throw new FormatException($"a connection record for connection {entry.Connection}");
            }

            return new Ros1BagRawMessage(record.Time("time"), connection, record.Data, info.Position, (int)entry.Offset);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new LogFormatException(path, info.Position, $"chunk (message record at uncompressed offset {entry.Offset})", ex.Message);
        }
    }
}
