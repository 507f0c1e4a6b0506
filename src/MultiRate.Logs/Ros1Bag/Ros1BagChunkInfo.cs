using System.Buffers.Binary;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>A chunk info record: where a chunk is, its time range and its message count per connection.</summary>
/// <param name="Position">Byte offset of the chunk record.</param>
/// <param name="StartNs">Earliest message time in the chunk.</param>
/// <param name="EndNs">Latest message time in the chunk.</param>
/// <param name="Counts">Messages per connection id.</param>
internal sealed record Ros1BagChunkInfo(long Position, long StartNs, long EndNs, IReadOnlyDictionary<uint, uint> Counts)
{
    /// <summary>Reads a chunk info record (version 1).</summary>
    /// <exception cref="FormatException">The record is malformed.</exception>
    public static Ros1BagChunkInfo From(Ros1BagRecord record)
    {
        uint version = record.UInt32("ver");
        if (version != 1)
        {
            throw new FormatException($"chunk info version 1, found {version}");
        }

        ulong position = record.UInt64("chunk_pos");
        uint count = record.UInt32("count");
        if (record.Data.Length != (long)count * 8 || position > long.MaxValue)
        {
            throw new FormatException($"chunk info data of {count} x 8 bytes and a chunk position inside the file");
        }

        var counts = new Dictionary<uint, uint>();
        ReadOnlySpan<byte> data = record.Data.Span;
        for (int i = 0; i < count; i++)
        {
            counts[BinaryPrimitives.ReadUInt32LittleEndian(data[(i * 8)..])] = BinaryPrimitives.ReadUInt32LittleEndian(data[((i * 8) + 4)..]);
        }

        return new Ros1BagChunkInfo((long)position, record.Time("start_time"), record.Time("end_time"), counts);
    }
}
