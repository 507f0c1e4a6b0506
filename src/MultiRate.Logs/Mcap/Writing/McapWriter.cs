namespace MultiRate.Logs.Mcap;

/// <summary>
/// Writes an MCAP file: chunked (none/zstd/lz4) or not, with message indexes, chunk indexes,
/// statistics, repeated schemas and channels, attachment and metadata indexes, summary offsets and
/// CRCs, each switchable in <see cref="McapWriterOptions"/>.
/// </summary>
/// <remarks>
/// <para>Magic and Header are written by the constructor. A schema and channel are written to the
/// data section (into the open chunk when chunking) just before their first message.
/// <see cref="Finish"/> (or <see cref="Dispose"/>) writes the last chunk, Data End, the summary,
/// the Footer and the closing magic.</para>
/// <para>Crash safety: each chunk is written and the stream flushed as soon as the chunk is
/// complete (its uncompressed records exceed <see cref="McapWriterOptions.ChunkSize"/>, or
/// <see cref="FlushChunk"/> is called), and so are
/// attachments and metadata (with <see cref="McapWriterOptions.FlushToDisk"/>, through to the disk). If the process dies before <see cref="Finish"/>, the file has no
/// summary or footer, but <see cref="McapStreamReader"/> reads every record up to the last complete
/// chunk and then reports a truncation (<c>LogFormatException.IsTruncation</c>). Messages of the
/// open chunk are lost.</para>
/// <para>Not thread-safe: call from one thread (or serialize calls). Times are nanoseconds.</para>
/// </remarks>
public sealed class McapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly McapWriterOptions _options;
    private readonly McapOutput _output;
    private readonly McapChunkWriter? _chunk;
    private readonly List<McapSchema> _schemas = [];
    private readonly List<McapChannel> _channels = [];
    private readonly Dictionary<ushort, McapChannel> _channelsById = [];
    private readonly HashSet<ushort> _writtenSchemas = [];
    private readonly HashSet<ushort> _writtenChannels = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];
    private readonly McapStatisticsTracker _statistics = new();
    private bool _finished;
    private bool _disposed;

    /// <summary>Starts a file: writes the magic and the Header.</summary>
    /// <param name="stream">Writable destination; need not be seekable.</param>
    /// <param name="options">Writer options (defaults when null).</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    /// <exception cref="ArgumentException">The options are invalid (all problems listed).</exception>
    public McapWriter(Stream stream, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options?.Clone() ?? new McapWriterOptions();
        _options.Validate();
        _stream = stream;
        _leaveOpen = leaveOpen;
        _output = new McapOutput(stream, _options.FlushToDisk);
        _chunk = _options.UseChunks ? new McapChunkWriter(_output, _options, _statistics) : null;
        _output.Scratch.Bytes(McapConstants.Magic);
        McapRecordSerializer.Header(_output.Scratch, _options.Profile, _options.Library);
        _output.Emit();
    }

    /// <summary>Registers a schema; returns its id (1, 2, ...).</summary>
    public ushort AddSchema(string name, string encoding, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(encoding);
        EnsureOpen();
        if (_schemas.Count == ushort.MaxValue)
        {
            throw new InvalidOperationException("An MCAP file holds at most 65535 schemas.");
        }

        var schema = new McapSchema((ushort)(_schemas.Count + 1), name, encoding, data.ToArray());
        _schemas.Add(schema);
        _statistics.SchemaCount++;
        return schema.Id;
    }

    /// <summary>Registers a channel; returns its id (1, 2, ...).</summary>
    /// <param name="schemaId">An id from <see cref="AddSchema"/>, or 0 for schemaless messages.</param>
    /// <param name="topic">Topic name.</param>
    /// <param name="messageEncoding">Message encoding (e.g. <c>cdr</c>, <c>json</c>).</param>
    /// <param name="metadata">Channel metadata, written in enumeration order.</param>
    public ushort AddChannel(ushort schemaId, string topic, string messageEncoding, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(messageEncoding);
        EnsureOpen();
        if (schemaId > _schemas.Count)
        {
            throw new ArgumentException($"Unknown schema id {schemaId}: register it with AddSchema first (or use 0 for no schema).", nameof(schemaId));
        }

        if (_channels.Count == ushort.MaxValue)
        {
            throw new InvalidOperationException("This writer supports at most 65535 channels.");
        }

        var channel = new McapChannel((ushort)(_channels.Count + 1), schemaId, topic, messageEncoding, metadata?.ToArray() ?? []);
        _channels.Add(channel);
        _channelsById[channel.Id] = channel;
        _statistics.ChannelCount++;
        return channel.Id;
    }

    /// <summary>Writes one message. Messages need not be in log-time order.</summary>
    public void WriteMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        EnsureOpen();
        if (!_channelsById.TryGetValue(channelId, out McapChannel? channel))
        {
            throw new ArgumentException($"Unknown channel id {channelId}: register it with AddChannel first.", nameof(channelId));
        }

        _statistics.AddMessage(channelId, logTime);
        if (_writtenChannels.Add(channelId))
        {
            if (channel.SchemaId != 0 && _writtenSchemas.Add(channel.SchemaId))
            {
                WriteDataRecord(_schemas[channel.SchemaId - 1]);
            }

            WriteDataRecord(channel);
        }

        if (_chunk is null)
        {
            McapRecordSerializer.Message(_output.Scratch, channelId, sequence, logTime, publishTime, data);
            _output.Emit();
            return;
        }

        _chunk.AddMessage(channelId, sequence, logTime, publishTime, data);
    }

    /// <summary>
    /// Closes the open chunk now: writes it (if it holds any message) with its message indexes and
    /// flushes the stream, so everything written so far survives a crash. The next message opens a
    /// new chunk. Does nothing else when chunking is off or the chunk is empty.
    /// </summary>
    /// <remarks>
    /// For writers that must bound the data a crash can lose in time rather than in bytes (e.g. a
    /// recorder closing a chunk every quarter second). Smaller chunks compress a little worse.
    /// </remarks>
    public void FlushChunk()
    {
        EnsureOpen();
        _chunk?.Flush();
    }

    /// <summary>Writes an attachment (outside any chunk) and flushes the stream.</summary>
    public void AddAttachment(string name, string mediaType, ulong logTime, ulong createTime, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(mediaType);
        EnsureOpen();
        ulong offset = _output.Position;
        ulong length = McapRecordSerializer.Attachment(_output.Scratch, logTime, createTime, name, mediaType, data);
        _output.Emit();
        _output.Flush();
        _statistics.AttachmentCount++;
        if (_options.UseAttachmentIndex)
        {
            _attachmentIndexes.Add(new McapAttachmentIndex(offset, length, logTime, createTime, (ulong)data.Length, name, mediaType));
        }
    }

    /// <summary>Writes a metadata record (outside any chunk) and flushes the stream.</summary>
    public void AddMetadata(string name, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(metadata);
        EnsureOpen();
        ulong offset = _output.Position;
        ulong length = McapRecordSerializer.Metadata(_output.Scratch, name, metadata.ToArray());
        _output.Emit();
        _output.Flush();
        _statistics.MetadataCount++;
        if (_options.UseMetadataIndex)
        {
            _metadataIndexes.Add(new McapMetadataIndex(offset, length, name));
        }
    }

    /// <summary>Writes the open chunk, Data End, summary, Footer and magic, and flushes. Idempotent.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            return;
        }

        _chunk?.Flush();
        McapRecordSerializer.DataEnd(_output.Scratch, _output.DataCrc);
        _output.Emit();
        _output.EndData();
        var content = new McapSummaryContent
        {
            Schemas = _options.RepeatSchemas ? _schemas : null,
            Channels = _options.RepeatChannels ? _channels : null,
            Statistics = _options.UseStatistics ? _statistics.ToRecord() : null,
            MetadataIndexes = _options.UseMetadataIndex ? _metadataIndexes : null,
            AttachmentIndexes = _options.UseAttachmentIndex ? _attachmentIndexes : null,
            ChunkIndexes = _options.UseChunkIndex ? _chunk?.ChunkIndexes ?? [] : null,
            UseSummaryOffsets = _options.UseSummaryOffsets,
        };
        McapSummaryWriter.Write(_output.Scratch, _output.Position, content);
        _output.Emit();
        _output.Flush();
        _finished = true;
    }

    /// <summary>Calls <see cref="Finish"/>, then disposes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Finish();
        }
        finally
        {
            _disposed = true;
            _chunk?.Dispose();
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void WriteDataRecord(McapRecord record)
    {
        switch (record, _chunk)
        {
            case (McapSchema schema, not null):
                _chunk.AddSchema(schema);
                break;
            case (McapChannel channel, not null):
                _chunk.AddChannel(channel);
                break;
            case (McapSchema schema, null):
                McapRecordSerializer.Schema(_output.Scratch, schema);
                _output.Emit();
                break;
            case (McapChannel channel, null):
                McapRecordSerializer.Channel(_output.Scratch, channel);
                _output.Emit();
                break;
        }
    }

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The MCAP writer has finished; no more records can be written.");
        }
    }
}
