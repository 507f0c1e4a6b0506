using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Reads an MCAP file through its summary section: schemas, channels, statistics and indexes come
/// from the summary, and messages are read chunk by chunk through the chunk indexes.
/// </summary>
/// <remarks>
/// <para>Needs a seekable stream. Messages come out ordered by log time; equal log times keep file
/// order. Only chunks whose time range overlaps the request are read, and a chunk is loaded only
/// when its first message is due, so memory is bounded by the chunks that overlap in time.</para>
/// <para>Messages outside chunks are not indexed and are not returned: use
/// <see cref="McapStreamReader"/> for files without chunk indexes (<see cref="HasChunkIndexes"/>).</para>
/// <para>Not thread-safe (reads move the stream position). The stream is not disposed.</para>
/// </remarks>
public sealed class McapIndexedReader
{
    private readonly McapByteSource _source;
    private readonly string? _path;
    private readonly McapReaderOptions _options;
    private readonly McapSummary _summary;

    private McapIndexedReader(McapByteSource source, string? path, McapReaderOptions options, McapSummary summary)
    {
        _source = source;
        _path = path;
        _options = options;
        _summary = summary;
    }

    /// <summary>The Header record.</summary>
    public McapHeader Header => _summary.Header;

    /// <summary>The Footer record.</summary>
    public McapFooter Footer => _summary.Footer;

    /// <summary>Schemas by id: those in the summary, plus any met inside chunks read so far.</summary>
    public IReadOnlyDictionary<ushort, McapSchema> Schemas => _summary.Schemas;

    /// <summary>Channels by id: those in the summary, plus any met inside chunks read so far.</summary>
    public IReadOnlyDictionary<ushort, McapChannel> Channels => _summary.Channels;

    /// <summary>The Statistics record, if the summary has one.</summary>
    public McapStatistics? Statistics => _summary.Statistics;

    /// <summary>Chunk indexes in file order.</summary>
    public IReadOnlyList<McapChunkIndex> ChunkIndexes => _summary.ChunkIndexes;

    /// <summary>Attachment indexes in file order.</summary>
    public IReadOnlyList<McapAttachmentIndex> AttachmentIndexes => _summary.AttachmentIndexes;

    /// <summary>Metadata indexes in file order.</summary>
    public IReadOnlyList<McapMetadataIndex> MetadataIndexes => _summary.MetadataIndexes;

    /// <summary>Summary offsets in file order.</summary>
    public IReadOnlyList<McapSummaryOffset> SummaryOffsets => _summary.SummaryOffsets;

    /// <summary>File offset of the chunk loaded last; -1 before the first.</summary>
    internal long RecordOffset { get; private set; } = -1;

    /// <summary>Latest message log time the summary knows of (statistics, else chunk indexes), or null.</summary>
    internal ulong? SummaryEndTime =>
        _summary.Statistics is { MessageCount: > 0 } s ? s.MessageEndTime
        : _summary.ChunkIndexes.Count > 0 ? _summary.ChunkIndexes.Max(c => c.MessageEndTime)
        : null;

    /// <summary>True when the summary has chunk indexes, so <see cref="ReadMessages"/> can find messages.</summary>
    public bool HasChunkIndexes => _summary.ChunkIndexes.Count > 0;

    /// <summary>Opens a file by reading its magic, Header, Footer and summary section.</summary>
    /// <param name="stream">A readable, seekable stream over the whole file.</param>
    /// <param name="path">File path for error messages.</param>
    /// <param name="options">Reader options (defaults when null).</param>
    /// <exception cref="ArgumentException">The stream cannot seek.</exception>
    /// <exception cref="LogFormatException">The file is truncated (no footer), corrupt or fails the summary CRC.</exception>
    public static McapIndexedReader Open(Stream stream, string? path = null, McapReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The indexed MCAP reader needs a readable, seekable stream.", nameof(stream));
        }

        options ??= new McapReaderOptions();
        var source = new McapByteSource(stream, path, options.EffectiveMaxRecordBytes);
        return new McapIndexedReader(source, path, options, McapSummaryLoader.Load(stream, source, path, options));
    }

    /// <summary>
    /// Messages with <paramref name="startTime"/> &lt;= log time &lt;= <paramref name="endTime"/>, in
    /// log-time order (ties in file order), optionally only on <paramref name="channelIds"/>.
    /// </summary>
    public IEnumerable<McapMessage> ReadMessages(ulong startTime = 0, ulong endTime = ulong.MaxValue, IReadOnlyCollection<ushort>? channelIds = null)
    {
        List<McapChunkIndex> chunks = _summary.ChunkIndexes
            .Where(c => c.MessageEndTime >= startTime && c.MessageStartTime <= endTime && MayHoldChannels(c, channelIds))
            .OrderBy(c => c.MessageStartTime)
            .ThenBy(c => c.ChunkStartOffset)
            .ToList();
        return Merge(chunks, startTime, endTime, channelIds);
    }

    /// <summary>Reads the attachment an index points to.</summary>
    public McapAttachment ReadAttachment(McapAttachmentIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return (McapAttachment)ReadRecordAt(index.Offset, McapOpcode.Attachment);
    }

    /// <summary>Reads the metadata record an index points to.</summary>
    public McapMetadata ReadMetadata(McapMetadataIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return (McapMetadata)ReadRecordAt(index.Offset, McapOpcode.Metadata);
    }

    /// <summary>Reads the Message Index records of one chunk (empty when the file has none).</summary>
    public IReadOnlyList<McapMessageIndex> ReadMessageIndexes(McapChunkIndex chunkIndex)
    {
        ArgumentNullException.ThrowIfNull(chunkIndex);
        return chunkIndex.MessageIndexOffsets
            .Select(pair => (McapMessageIndex)ReadRecordAt(pair.Value, McapOpcode.MessageIndex))
            .ToList();
    }

    private static bool MayHoldChannels(McapChunkIndex chunk, IReadOnlyCollection<ushort>? channelIds) =>
        channelIds is null || chunk.MessageIndexOffsets.Count == 0 || chunk.MessageIndexOffsets.Any(p => channelIds.Contains(p.Key));

    private IEnumerable<McapMessage> Merge(List<McapChunkIndex> chunks, ulong startTime, ulong endTime, IReadOnlyCollection<ushort>? channelIds)
    {
        // Key: (log time, chunk offset, offset in chunk) = log-time order with file order on ties.
        var queue = new PriorityQueue<McapMessage, (ulong, ulong, int)>();
        int next = 0;
        while (true)
        {
            if (queue.TryPeek(out McapMessage? head, out (ulong LogTime, ulong, int) key))
            {
                // A chunk not yet loaded cannot hold anything earlier than its start time.
                if (next < chunks.Count && chunks[next].MessageStartTime <= key.LogTime)
                {
                    LoadChunk(chunks[next++], queue, startTime, endTime, channelIds);
                    continue;
                }

                queue.Dequeue();
                yield return head;
            }
            else if (next < chunks.Count)
            {
                LoadChunk(chunks[next++], queue, startTime, endTime, channelIds);
            }
            else
            {
                yield break;
            }
        }
    }

    private void LoadChunk(McapChunkIndex index, PriorityQueue<McapMessage, (ulong, ulong, int)> queue, ulong startTime, ulong endTime, IReadOnlyCollection<ushort>? channelIds)
    {
        long chunkOffset = index.ChunkStartOffset > long.MaxValue ? -1 : (long)index.ChunkStartOffset;
        RecordOffset = chunkOffset;
        var chunk = (McapChunk)ReadRecordAt(index.ChunkStartOffset, McapOpcode.Chunk);
        ReadOnlyMemory<byte> records = McapChunkDecoder.Decompress(chunk, _path, chunkOffset, _options.EffectiveMaxChunkBytes, _options.ValidateCrcs);
        string where = $"Chunk at byte {chunkOffset}";
        foreach (McapRawRecord raw in McapRecordSplitter.Split(records, _path, -1, where))
        {
            string label = $"{McapConstants.RecordName(raw.Opcode)} record in {where} (uncompressed offset {raw.Offset})";
            McapRecord record = McapRecordParser.Parse(raw.Opcode, raw.Body, _path, -1, label, _options.ValidateCrcs);
            if (record is McapMessage message)
            {
                if (message.LogTime >= startTime && message.LogTime <= endTime && (channelIds is null || channelIds.Contains(message.ChannelId)))
                {
                    queue.Enqueue(message, (message.LogTime, index.ChunkStartOffset, raw.Offset));
                }
            }
            else if (record is McapSchema or McapChannel)
            {
                // Channels first written inside chunks may be missing from the summary.
                _summary.Add(record);
            }
        }
    }

    private McapRecord ReadRecordAt(ulong offset, McapOpcode expected)
    {
        if (offset > long.MaxValue)
        {
            throw new LogFormatException(_path, -1, $"{expected} record", $"an offset inside the file, found {offset}");
        }

        return McapSummaryLoader.ReadRecordAt(_source, _path, (long)offset, expected, _options);
    }
}
