using System.IO.Hashing;
using K4os.Compression.LZ4.Streams;
using MultiRate.Logs.Abstractions;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace MultiRate.Logs.Mcap;

/// <summary>Decompresses chunk records (none, zstd, lz4 frame) and checks their CRC.</summary>
internal static class McapChunkDecoder
{
    /// <summary>One zstd decoder per thread, reused across chunks (its context is costly to build).</summary>
    [ThreadStatic]
    private static Decompressor? _zstd;

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
            throw new LogFormatException(
                path,
                chunkOffset,
                where,
                $"a decompressed chunk of at most {maxBytes} bytes (the reader's limit, checked before decompressing), but uncompressed_size is {chunk.UncompressedSize}");
        }

        int size = (int)chunk.UncompressedSize;
        ReadOnlyMemory<byte> records = chunk.Compression switch
        {
            "" => chunk.Records,
            "zstd" => PlausibleSize(size, chunk.Records.Length)
                ? UnwrapZstd(chunk.Records, size, path, chunkOffset, where)
                : Inflate(() => new DecompressionStream(AsStream(chunk.Records)), size, chunk.Records.Length, path, chunkOffset, where),
            "lz4" => Inflate(() => LZ4Stream.Decode(AsStream(chunk.Records)), size, chunk.Records.Length, path, chunkOffset, where),
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

    /// <summary>
    /// What may be allocated up front for a chunk's declared size: what the compressed bytes can plausibly
    /// expand to (16x), and never less than 4 MiB, which covers the usual chunk sizes (ours 256 KiB to
    /// 1 MiB, rosbag2's 768 KiB). Beyond it, memory is only spent as real output arrives, so a lying
    /// uncompressed_size in a small file costs at most this much.
    /// </summary>
    private static long UpFront(int compressedLength) => Math.Max(4L << 20, 16L * compressedLength);

    private static bool PlausibleSize(int size, int compressedLength) => size <= UpFront(compressedLength);

    /// <summary>
    /// zstd in one pass, straight into a buffer of the declared size: no stream window, no copies. Only
    /// for plausible sizes (a lying size takes the streaming path, which allocates as output arrives).
    /// </summary>
    private static ReadOnlyMemory<byte> UnwrapZstd(ReadOnlyMemory<byte> compressed, int size, string? path, long chunkOffset, string where)
    {
        byte[] buffer = new byte[size];
        int written;
        try
        {
            _zstd ??= new Decompressor();
            written = _zstd.Unwrap(compressed.Span, buffer);
        }
        catch (ZstdException ex) when (ex.Code == ZSTD_ErrorCode.ZSTD_error_dstSize_tooSmall)
        {
            throw new LogFormatException(path, chunkOffset, where, $"{size} bytes of records (uncompressed_size), found more");
        }
        catch (Exception ex) when (ex is not LogFormatException and not OutOfMemoryException)
        {
            // A decoder left in an unknown state is not reused.
            _zstd?.Dispose();
            _zstd = null;
            throw new LogFormatException(path, chunkOffset, where, $"valid compressed data ({ex.GetType().Name}: {ex.Message})");
        }

        return buffer.AsMemory(0, written);
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
    /// size, so a lying size costs little; one extra byte is then probed to detect too much output.
    /// </summary>
    /// <remarks>
    /// The first allocation is <see cref="UpFront"/>, capped by the declared size: a real chunk then
    /// costs exactly one buffer of its declared size, with no growth copy, while a lying size backed by
    /// a few compressed bytes still allocates only as output arrives. Measured with
    /// <c>McapDecodeBenchmarks</c>: 2.2 MB allocated per 1 MiB zstd chunk before, see README.
    /// </remarks>
    private static ReadOnlyMemory<byte> Inflate(Func<Stream> open, int size, int compressedLength, string? path, long chunkOffset, string where)
    {
        try
        {
            using Stream decoder = open();
            byte[] buffer = new byte[(int)Math.Min(size, UpFront(compressedLength))];
            int filled = 0;
            while (filled < size)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(size, (long)buffer.Length * 2));
                }

                int n = decoder.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    // Short output: the caller reports it against uncompressed_size.
                    return buffer.AsMemory(0, filled);
                }

                filled += n;
            }

            Span<byte> probe = stackalloc byte[1];
            if (decoder.Read(probe) != 0)
            {
                throw new LogFormatException(path, chunkOffset, where, $"{size} bytes of records (uncompressed_size), found more");
            }

            return buffer;
        }
        catch (Exception ex) when (ex is not LogFormatException and not OutOfMemoryException)
        {
            throw new LogFormatException(path, chunkOffset, where, $"valid compressed data ({ex.GetType().Name}: {ex.Message})");
        }
    }
}
