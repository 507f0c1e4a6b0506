using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace MultiRate.Logs.Mcap;

/// <summary>Compresses chunk records for <see cref="McapWriter"/>.</summary>
internal sealed class McapChunkCompressor : IDisposable
{
    private readonly McapCompression _compression;
    private readonly Compressor? _zstd;
    private byte[] _output = [];

    public McapChunkCompressor(McapCompression compression, int zstdLevel)
    {
        _compression = compression;
        _zstd = compression == McapCompression.Zstd ? new Compressor(zstdLevel) : null;
    }

    /// <summary>The name the file records for this compression.</summary>
    public string Name => _compression switch
    {
        McapCompression.Zstd => "zstd",
        McapCompression.Lz4 => "lz4",
        _ => string.Empty,
    };

    /// <summary>Compresses <paramref name="records"/>; the result is valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> records)
    {
        switch (_compression)
        {
            case McapCompression.Zstd:
                EnsureOutput(Compressor.GetCompressBound(records.Length));
                int written = _zstd!.Wrap(records, _output);
                return _output.AsSpan(0, written);
            case McapCompression.Lz4:
                using (var sink = new MemoryStream())
                {
                    // LZ4 frame format, as the MCAP spec requires (not raw blocks).
                    using (LZ4EncoderStream encoder = LZ4Stream.Encode(sink, leaveOpen: true))
                    {
                        encoder.Write(records);
                    }

                    return sink.ToArray();
                }

            default:
                return records;
        }
    }

    public void Dispose() => _zstd?.Dispose();

    private void EnsureOutput(int size)
    {
        if (_output.Length < size)
        {
            _output = new byte[size];
        }
    }
}
