using System.IO.Hashing;

namespace MultiRate.Logs.Mcap;

/// <summary>Fills the open chunk and writes it, with its message indexes, when it is full.</summary>
internal sealed class McapChunkWriter : IDisposable
{
    private readonly McapOutput _output;
    private readonly McapWriterOptions _options;
    private readonly McapStatisticsTracker _statistics;
    private readonly McapChunkBuilder _chunk;
    private readonly McapChunkCompressor _compressor;

    public McapChunkWriter(McapOutput output, McapWriterOptions options, McapStatisticsTracker statistics)
    {
        _output = output;
        _options = options;
        _statistics = statistics;
        _chunk = new McapChunkBuilder(options.UseMessageIndex);
        _compressor = new McapChunkCompressor(options.Compression, options.ZstdLevel);
    }

    /// <summary>Chunk indexes of the chunks written so far.</summary>
    public List<McapChunkIndex> ChunkIndexes { get; } = [];

    public void AddSchema(McapSchema schema) => _chunk.AddSchema(schema);

    public void AddChannel(McapChannel channel) => _chunk.AddChannel(channel);

    public void AddMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        _chunk.AddMessage(channelId, sequence, logTime, publishTime, data);
        if (_chunk.Records.Length > _options.ChunkSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the open chunk (if it has messages) and its message indexes, then flushes the stream.</summary>
    public void Flush()
    {
        if (_chunk.MessageCount == 0)
        {
            return;
        }

        ReadOnlySpan<byte> records = _chunk.Records.WrittenSpan;
        uint crc = Crc32.HashToUInt32(records);
        ReadOnlySpan<byte> compressed = _compressor.Compress(records);
        McapBufferWriter w = _output.Scratch;
        ulong chunkStart = _output.Position;
        int start = w.BeginRecord(McapOpcode.Chunk);
        w.U64(_chunk.MessageStartTime).U64(_chunk.MessageEndTime).U64((ulong)records.Length).U32(crc)
            .String(_compressor.Name).U64((ulong)compressed.Length).Bytes(compressed);
        ulong chunkLength = w.EndRecord(start);
        _output.Emit();

        ulong indexStart = _output.Position;
        var offsets = new List<KeyValuePair<ushort, ulong>>();
        foreach (KeyValuePair<ushort, List<McapMessageIndexEntry>> index in _chunk.Indexes)
        {
            offsets.Add(new(index.Key, indexStart + (ulong)w.Length));
            McapRecordSerializer.MessageIndex(w, index.Key, index.Value);
        }

        ulong indexLength = (ulong)w.Length;
        _output.Emit();
        _statistics.ChunkCount++;
        if (_options.UseChunkIndex)
        {
            ChunkIndexes.Add(new McapChunkIndex(
                _chunk.MessageStartTime, _chunk.MessageEndTime, chunkStart, chunkLength, offsets, indexLength,
                _compressor.Name, (ulong)compressed.Length, (ulong)records.Length));
        }

        _chunk.Reset();
        _output.Flush();
    }

    public void Dispose() => _compressor.Dispose();
}
