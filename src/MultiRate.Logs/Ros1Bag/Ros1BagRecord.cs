using System.Buffers.Binary;
using System.Text;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>One bag record: its header fields (<c>name=value</c>) and its data.</summary>
/// <param name="Offset">Byte offset of the record (in the file, or in the uncompressed chunk for records inside a chunk).</param>
/// <param name="Header">Header fields by name.</param>
/// <param name="Data">The record's data (empty when it was skipped).</param>
internal sealed record Ros1BagRecord(long Offset, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Header, ReadOnlyMemory<byte> Data)
{
    /// <summary>Op codes of the record kinds.</summary>
    public const byte MessageData = 0x02, BagHeader = 0x03, IndexData = 0x04, Chunk = 0x05, ChunkInfo = 0x06, Connection = 0x07;

    /// <summary>The <c>op</c> field.</summary>
    /// <exception cref="FormatException">The field is missing or not one byte.</exception>
    public byte Op => Field("op", 1).Span[0];

    /// <summary>A uint32 header field.</summary>
    public uint UInt32(string name) => BinaryPrimitives.ReadUInt32LittleEndian(Field(name, 4).Span);

    /// <summary>A uint64 header field.</summary>
    public ulong UInt64(string name) => BinaryPrimitives.ReadUInt64LittleEndian(Field(name, 8).Span);

    /// <summary>A time header field (uint32 secs, uint32 nsecs) in ns; always fits a long.</summary>
    public long Time(string name) => ToNs(Field(name, 8).Span);

    /// <summary>A string header field.</summary>
    public string Text(string name) => Encoding.UTF8.GetString((Header.TryGetValue(name, out ReadOnlyMemory<byte> v) ? v : throw Missing(name)).Span);

    /// <summary>A time (uint32 secs, uint32 nsecs) in ns: at most 4.3e18, inside a long.</summary>
    public static long ToNs(ReadOnlySpan<byte> time) =>
        ((long)BinaryPrimitives.ReadUInt32LittleEndian(time) * 1_000_000_000L) + BinaryPrimitives.ReadUInt32LittleEndian(time[4..]);

    /// <summary>Parses header fields: each a uint32 length then <c>name=value</c>.</summary>
    /// <exception cref="FormatException">A field overruns the header or has no '='.</exception>
    public static Dictionary<string, ReadOnlyMemory<byte>> ParseHeader(ReadOnlyMemory<byte> header)
    {
        var fields = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        int at = 0;
        while (at < header.Length)
        {
            if (header.Length - at < 4)
            {
                throw new FormatException($"a 4-byte field length at header offset {at}");
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(header.Span[at..]);
            at += 4;
            if (length > (uint)(header.Length - at))
            {
                throw new FormatException($"a header field of {length} bytes within the header (offset {at}, {header.Length - at} bytes left)");
            }

            ReadOnlyMemory<byte> field = header.Slice(at, (int)length);
            at += (int)length;
            int eq = field.Span.IndexOf((byte)'=');
            if (eq < 0)
            {
                throw new FormatException($"a header field 'name=value' ending at header offset {at}");
            }

            fields[Encoding.UTF8.GetString(field.Span[..eq])] = field[(eq + 1)..];
        }

        return fields;
    }

    private ReadOnlyMemory<byte> Field(string name, int size)
    {
        if (!Header.TryGetValue(name, out ReadOnlyMemory<byte> value))
        {
            throw Missing(name);
        }

        return value.Length == size ? value : throw new FormatException($"header field '{name}' of {size} bytes, found {value.Length}");
    }

    private static FormatException Missing(string name) => new($"header field '{name}'");
}
