using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.BZip2;
using K4os.Compression.LZ4.Streams;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>Chunk records: decompression (<c>none</c>, <c>lz4</c> as roslz4's LZ4 frames, <c>bz2</c>) and the records inside.</summary>
internal static class Ros1BagChunks
{
    /// <summary>The chunk's uncompressed data, checked against its <c>size</c> field.</summary>
    /// <exception cref="FormatException">Unknown compression, corrupt compressed data, or a size mismatch.</exception>
    public static byte[] Decompress(Ros1BagRecord chunk)
    {
        string compression = chunk.Text("compression");
        uint size = chunk.UInt32("size");
        if (compression == "none")
        {
            return chunk.Data.Length == size ? chunk.Data.ToArray() : throw new FormatException($"an uncompressed chunk of {size} bytes (its size field), found {chunk.Data.Length}");
        }

        using var compressed = new MemoryStream(chunk.Data.ToArray(), writable: false);
        try
        {
            using Stream stream = compression switch
            {
                "lz4" => LZ4Stream.Decode(compressed, leaveOpen: true),
                "bz2" => new BZip2InputStream(compressed) { IsStreamOwner = false },
                _ => throw new FormatException($"chunk compression none, lz4 or bz2, found '{compression}'"),
            };

            // Grow with the data instead of trusting the size field: a lying size allocates nothing.
            using var output = new MemoryStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > size)
                {
                    break;
                }
            }

            return output.Length == size ? output.ToArray() : throw new FormatException($"a {compression} chunk decompressing to {size} bytes (its size field), found {(output.Length > size ? "more" : output.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or InvalidOperationException or BZip2Exception or IndexOutOfRangeException or NotSupportedException)
        {
            throw new FormatException($"valid {compression} data ({ex.Message})", ex);
        }
    }

    /// <summary>Parses the record at <paramref name="offset"/> in uncompressed chunk data.</summary>
    /// <exception cref="FormatException">The record overruns the chunk or is malformed.</exception>
    public static Ros1BagRecord RecordAt(ReadOnlyMemory<byte> chunk, int offset)
    {
        int at = offset;
        ReadOnlyMemory<byte> header = Slice(chunk, ref at, "header");
        ReadOnlyMemory<byte> data = Slice(chunk, ref at, "data");
        return new Ros1BagRecord(offset, Ros1BagRecord.ParseHeader(header), data);
    }

    /// <summary>Every record in uncompressed chunk data, in order.</summary>
    public static IEnumerable<Ros1BagRecord> Records(ReadOnlyMemory<byte> chunk)
    {
        int at = 0;
        while (at < chunk.Length)
        {
            Ros1BagRecord record = RecordAt(chunk, at);
            at = checked(at + 8 + RecordLength(chunk, at));
            yield return record;
        }
    }

    private static int RecordLength(ReadOnlyMemory<byte> chunk, int offset)
    {
        int h = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.Span[offset..]);
        int d = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.Span[(offset + 4 + h)..]);
        return h + d;
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> chunk, ref int at, string what)
    {
        if (at < 0 || chunk.Length - at < 4)
        {
            throw new FormatException($"a record {what} length at chunk offset {at}, the chunk has {chunk.Length} bytes");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Span[at..]);
        at += 4;
        if (length > (uint)(chunk.Length - at))
        {
            throw new FormatException($"a record {what} of {length} bytes within the chunk (offset {at}, {chunk.Length - at} bytes left)");
        }

        ReadOnlyMemory<byte> slice = chunk.Slice(at, (int)length);
        at += (int)length;
        return slice;
    }
}
