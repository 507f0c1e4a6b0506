using System.IO.Hashing;
using K4os.Compression.LZ4.Streams;
using MultiRate.Logs.Abstractions;
using ZstdSharp;

namespace MultiRate.Logs.Mcap;

/// <summary>Decompresses chunk records (none, zstd, lz4 frame) and checks their CRC.</summary>
internal static class McapChunkDecoder
{
    /// <summary>Returns the chunk's decompressed records.</summary>
    /// <param name="chunk">The chunk.</param>
    /// <param name="path">File path for errors.</param>
    /// <param name="chunkOffset">File offset of the Chunk record.</param>
    /// <param name="maxBytes">Largest allowed decompressed size.</param>
    /// <param name="validateCrc">Check <see cref="McapChunk.UncompressedCrc"/> when non-zero.</param>
    public static ReadOnlyMemory<byte> Decompress(McapChunk chunk, string? path, long chunkOffset, long maxBytes, bool validateCrc)
    {
        string where = $"Chunk record (compression '{chunk.Compression}')";
        if (chunk.UncompressedSize > (ulong)maxBytes)
        {
            throw new LogFormatException(path, chunkOffset, where, $"an uncompressed_size of at most {maxBytes} bytes (the reader's limit), found {chunk.UncompressedSize}");
        }

        int size = (int)chunk.UncompressedSize;
        ReadOnlyMemory<byte> records = chunk.Compression switch
        {
            "" => chunk.Records,
            "zstd" => Inflate(() => new DecompressionStream(AsStream(chunk.Records)), size, path, chunkOffset, where),
            "lz4" => Inflate(() => LZ4Stream.Decode(AsStream(chunk.Records)), size, path, chunkOffset, where),
            _ => throw new LogFormatException(path, chunkOffset, where, $"compression '', 'zstd' or 'lz4', found '{chunk.Compression}'"),
        };

        if (records.Length != size)
        {
            throw new LogFormatException(path, chunkOffset, where, $"{size} bytes of records (uncompressed_size), found {records.Length}");
        }

        if (validateCrc && chunk.UncompressedCrc != 0)
        {
            uint actual = Crc32.HashToUInt32(records.Span);
            if (actual != chunk.UncompressedCrc)
            {
                throw new LogFormatException(path, chunkOffset, where, $"uncompressed_crc 0x{chunk.UncompressedCrc:X8}, computed 0x{actual:X8}");
            }
        }

        return records;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> data)
    {
        // The records usually come straight from a byte[] read off disk: wrap it without copying.
        return System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
    }

    /// <summary>
    /// Streams the decoder into a buffer that grows only as real output arrives, up to the declared
    /// size plus one byte (so that too much output is detected), so a lying size costs nothing.
    /// </summary>
    private static ReadOnlyMemory<byte> Inflate(Func<Stream> open, int size, string? path, long chunkOffset, string where)
    {
        try
        {
            using Stream decoder = open();
            byte[] buffer = new byte[Math.Min(size + 1, 1 << 20)];
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length > size)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)size + 1, (long)buffer.Length * 2));
                }

                int n = decoder.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }

            return buffer.AsMemory(0, filled);
        }
        catch (Exception ex) when (ex is not LogFormatException and not OutOfMemoryException)
        {
            throw new LogFormatException(path, chunkOffset, where, $"valid compressed data ({ex.GetType().Name}: {ex.Message})");
        }
    }
}
