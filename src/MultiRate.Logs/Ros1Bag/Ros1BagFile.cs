using System.Buffers.Binary;
using System.Text;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// The structure of a ROS bag v2.0: the bag header and, for a closed bag, the index section
/// (connection and chunk info records at <c>index_pos</c>) and each chunk's index data records.
/// </summary>
internal sealed class Ros1BagFile
{
    /// <summary>The magic line every v2.0 bag starts with.</summary>
    public static readonly byte[] Magic = Encoding.ASCII.GetBytes("#ROSBAG V2.0\n");

    private Ros1BagFile(long indexPosition, Dictionary<uint, Ros1BagConnection> connections, List<Ros1BagChunkInfo> chunks)
    {
        IndexPosition = indexPosition;
        Connections = connections;
        Chunks = chunks;
    }

    /// <summary>Offset of the index section, or 0 for a bag that was not closed (no index).</summary>
    public long IndexPosition { get; }

    /// <summary>True when the bag has its index (it was closed by its writer).</summary>
    public bool Indexed => IndexPosition > 0;

    /// <summary>Connections by id (empty for an unindexed bag: they are found by scanning).</summary>
    public Dictionary<uint, Ros1BagConnection> Connections { get; }

    /// <summary>Chunk info records in file order (empty for an unindexed bag).</summary>
    public List<Ros1BagChunkInfo> Chunks { get; }

    /// <summary>Reads the magic, the bag header and, where present, the index section.</summary>
    /// <exception cref="LogFormatException">Not a v2.0 bag, or a damaged header or index.</exception>
    public static Ros1BagFile Load(Stream stream, string path, bool allowTruncated)
    {
        byte[] magic = new byte[Magic.Length];
        int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (read < magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            throw new LogFormatException(path, 0, "magic", "'#ROSBAG V2.0' (ROS bag version 2.0)", isTruncation: read < magic.Length && Magic.AsSpan().StartsWith(magic.AsSpan(0, read)));
        }

        var reader = new Ros1BagStreamReader(stream, path);
        Ros1BagRecord header = reader.Next(readData: false) ?? throw reader.Error("bag header", "a bag header record after the magic", truncation: true);
        ulong indexPos = Field(reader, header, Ros1BagRecord.BagHeader, "bag header", r => r.UInt64("index_pos"));
        var connections = new Dictionary<uint, Ros1BagConnection>();
        var chunks = new List<Ros1BagChunkInfo>();
        if (indexPos == 0)
        {
            return new Ros1BagFile(0, connections, chunks);
        }

        if (indexPos > (ulong)stream.Length && allowTruncated)
        {
            // A closed bag cut short (copied or downloaded in part): its index is gone; read what is there by scanning.
            return new Ros1BagFile(0, connections, chunks);
        }

        if (indexPos < (ulong)Magic.Length || indexPos > (ulong)stream.Length)
        {
            throw reader.Error("bag header", $"index_pos within the file ({stream.Length} bytes), found {indexPos}", truncation: indexPos > (ulong)stream.Length);
        }

        reader.Seek((long)indexPos);
        while (reader.Next() is { } record)
        {
            byte op = Field(reader, record, null, "index record", r => r.Op);
            if (op == Ros1BagRecord.Connection)
            {
                Ros1BagConnection c = Field(reader, record, op, "connection record", Ros1BagConnection.From);
                connections.TryAdd(c.Id, c);
            }
            else if (op == Ros1BagRecord.ChunkInfo)
            {
                chunks.Add(Field(reader, record, op, "chunk info record", Ros1BagChunkInfo.From));
            }
            else
            {
                throw reader.Error("index section", $"connection (op 7) or chunk info (op 6) records, found op {op}");
            }
        }

        return new Ros1BagFile((long)indexPos, connections, chunks);
    }

    /// <summary>Reads a chunk's index data records (after the chunk record), sorted by time, connection, offset.</summary>
    /// <exception cref="LogFormatException">The chunk or its index is damaged.</exception>
    public static Ros1BagIndexEntry[] ReadChunkIndex(Ros1BagStreamReader reader, Ros1BagChunkInfo chunk)
    {
        reader.Seek(chunk.Position);
        Ros1BagRecord record = reader.Next(readData: false) ?? throw reader.Error("chunk", "a chunk record at the chunk info's chunk_pos", truncation: true);
        Field(reader, record, Ros1BagRecord.Chunk, "chunk", r => r.Op);
        var entries = new List<Ros1BagIndexEntry>();
        // Peek at each following record's header: the index data records end at the next chunk (not read here).
        while (reader.Next(readData: false) is { } peek && Field(reader, peek, null, "index data record", r => r.Op) == Ros1BagRecord.IndexData)
        {
            reader.Seek(peek.Offset);
            Ros1BagRecord index = reader.Next()!;
            Field(reader, index, Ros1BagRecord.IndexData, "index data record", r => ReadEntries(r, chunk, entries));
        }

        entries.Sort(static (a, b) => (a.TimeNs, a.Connection, a.Offset).CompareTo((b.TimeNs, b.Connection, b.Offset)));
        return [.. entries];
    }

    /// <summary>Reads a header field, turning a malformed record into a <see cref="LogFormatException"/> at its offset.</summary>
    public static T Field<T>(Ros1BagStreamReader reader, Ros1BagRecord record, byte? op, string what, Func<Ros1BagRecord, T> read)
    {
        try
        {
            if (op is byte expected && record.Op != expected)
            {
                throw new FormatException($"op {expected}, found op {record.Op}");
            }

            return read(record);
        }
        catch (FormatException ex)
        {
            throw reader.Error(what, ex.Message);
        }
    }

    private static int ReadEntries(Ros1BagRecord record, Ros1BagChunkInfo chunk, List<Ros1BagIndexEntry> entries)
    {
        uint version = record.UInt32("ver");
        uint conn = record.UInt32("conn");
        uint count = record.UInt32("count");
        if (version != 1 || record.Data.Length != (long)count * 12)
        {
            throw new FormatException($"index data version 1 with {count} x 12 bytes, found version {version} and {record.Data.Length} bytes");
        }

        ReadOnlySpan<byte> data = record.Data.Span;
        for (int i = 0; i < count; i++)
        {
            long time = Ros1BagRecord.ToNs(data[(i * 12)..]);
            if (time < chunk.StartNs || time > chunk.EndNs)
            {
                throw new FormatException($"index times within the chunk's range {chunk.StartNs}..{chunk.EndNs} ns, found {time}");
            }

            entries.Add(new Ros1BagIndexEntry(time, conn, BinaryPrimitives.ReadUInt32LittleEndian(data[((i * 12) + 8)..])));
        }

        return entries.Count;
    }
}
