using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// Reads a bag front to back, chunk by chunk, without the index: how a bag that was not closed (index_pos 0,
/// e.g. its recorder crashed) is read. Connections are learnt as they appear; messages come in file order.
/// </summary>
internal static class Ros1BagScanReader
{
    /// <summary>Messages in file order; <paramref name="connections"/> fills as connection records appear.</summary>
    /// <param name="stream">The bag, positioned anywhere (reading starts after the bag header).</param>
    /// <param name="path">The file, for errors.</param>
    /// <param name="connections">Connections seen so far.</param>
    /// <param name="offset">Receives the offset of the record being read, for damage reports.</param>
    public static IEnumerable<Ros1BagRawMessage> Read(Stream stream, string path, Dictionary<uint, Ros1BagConnection> connections, Action<long> offset)
    {
        var reader = new Ros1BagStreamReader(stream, path);
        reader.Seek(Ros1BagFile.Magic.Length);
        _ = reader.Next(readData: false);
        while (true)
        {
            offset(stream.Position);
            Ros1BagRecord? record = reader.Next();
            if (record is null)
            {
                yield break;
            }

            byte op = Ros1BagFile.Field(reader, record, null, "record", r => r.Op);
            if (op == Ros1BagRecord.Chunk)
            {
                byte[] data = Ros1BagFile.Field(reader, record, op, "chunk", Ros1BagChunks.Decompress);
                foreach (Ros1BagRecord inner in Ros1BagFile.Field(reader, record, op, "chunk", _ => Ros1BagChunks.Records(data).ToList()))
                {
                    if (Ros1BagFile.Field(reader, record, op, $"chunk (record at uncompressed offset {inner.Offset})", _ => Handle(inner, connections, record.Offset)) is { } message)
                    {
                        yield return message;
                    }
                }
            }
            else if (Ros1BagFile.Field(reader, record, op, "record", r => Handle(r, connections, r.Offset)) is { } message)
            {
                yield return message;
            }
        }
    }

    private static Ros1BagRawMessage? Handle(Ros1BagRecord record, Dictionary<uint, Ros1BagConnection> connections, long chunkPosition)
    {
        switch (record.Op)
        {
            case Ros1BagRecord.Connection:
                Ros1BagConnection c = Ros1BagConnection.From(record);
                connections.TryAdd(c.Id, c);
                return null;
            case Ros1BagRecord.MessageData:
                uint id = record.UInt32("conn");
                return connections.TryGetValue(id, out Ros1BagConnection? connection)
                    ? new Ros1BagRawMessage(record.Time("time"), connection, record.Data, chunkPosition, (int)record.Offset)
                    : throw new FormatException($"a connection record for connection {id} before its messages");
            case Ros1BagRecord.IndexData or Ros1BagRecord.ChunkInfo or Ros1BagRecord.BagHeader:
                return null;
            default:
                throw new FormatException($"a bag record (op 2 to 7), found op {record.Op}");
        }
    }
}
