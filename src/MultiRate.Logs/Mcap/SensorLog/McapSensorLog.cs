using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>An MCAP file as an <see cref="ISensorLog"/>: topics and decoded messages.</summary>
/// <remarks>
/// <para>Messages are decoded by the built-in <c>json</c> decoder or by the
/// <see cref="IMcapMessageDecoder"/>s given to <see cref="Open"/>; a channel with no matching
/// decoder fails with a <see cref="LogFormatException"/> ("unknown encoding ... expected one of ...")
/// when its first message is read.</para>
/// <para>Indexed files (chunk indexes in the summary) are read through the index, in log-time order
/// with file order on ties, skipping chunks outside the time range. Files without chunk indexes,
/// or without a footer (a crashed recording), are read front to back and their messages come in
/// file order; on a truncated file every complete message is yielded and then a
/// <see cref="LogFormatException"/> with <see cref="LogFormatException.IsTruncation"/> is thrown.
/// With <see cref="McapReaderOptions.AllowTruncated"/>, reading instead stops quietly at the first
/// damaged record (truncation, CRC mismatch, corrupt record) and <see cref="Coverage"/> says where
/// and why. Message decoding errors are never swallowed.</para>
/// <para>Each <see cref="ReadMessages"/> enumeration opens its own file handle. Not thread-safe.</para>
/// </remarks>
public sealed class McapSensorLog : ISensorLog
{
    private readonly McapReaderOptions _options;
    private readonly McapChannelDecoders _decoders;
    private (IReadOnlyList<LogTopicInfo> Topics, bool Truncated)? _scan;

    private McapSensorLog(string path, McapChannelDecoders decoders, McapReaderOptions options)
    {
        Path = path;
        _decoders = decoders;
        _options = options;
    }

    /// <inheritdoc />
    public string Format => "mcap";

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public IReadOnlyList<LogTopicInfo> Topics => (_scan ??= McapTopicScanner.Scan(Path, _options)).Topics;

    /// <inheritdoc />
    public LogCoverage? Coverage { get; private set; }

    /// <summary>True when the file has no footer and the topic scan stopped at its truncated end (or, with <see cref="McapReaderOptions.AllowTruncated"/>, at damage).</summary>
    public bool IsTruncated => (_scan ??= McapTopicScanner.Scan(Path, _options)).Truncated;

    /// <summary>Opens an MCAP file (checks that it exists and starts with the MCAP magic).</summary>
    /// <param name="path">The file.</param>
    /// <param name="decoders">Decoders for encodings other than <c>json</c> (e.g. ROS 2 CDR), tried in order.</param>
    /// <param name="options">Reader options (defaults when null).</param>
    /// <exception cref="LogFormatException">The file is missing or is not MCAP.</exception>
    public static McapSensorLog Open(string path, IEnumerable<IMcapMessageDecoder>? decoders = null, McapReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using (FileStream file = OpenFile(path))
        {
            byte[] magic = new byte[8];
            int read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            if (read < magic.Length || !magic.AsSpan().SequenceEqual(McapConstants.Magic))
            {
                throw new LogFormatException(path, 0, "leading magic", $"the MCAP magic 89 4D 43 41 50 30 0D 0A, found {Convert.ToHexString(magic, 0, read)}", isTruncation: read < magic.Length);
            }
        }

        return new McapSensorLog(path, new McapChannelDecoders(path, decoders), options ?? new McapReaderOptions());
    }

    /// <inheritdoc />
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        if (endNs < 0 || (startNs is not null && endNs is not null && startNs > endNs))
        {
            return [];
        }

        ulong start = startNs is null or < 0 ? 0 : (ulong)startNs.Value;
        ulong end = endNs is null ? ulong.MaxValue : (ulong)endNs.Value;
        return ReadCore(topics, start, end);
    }

    /// <summary>Nothing to release: file handles live only as long as an enumeration.</summary>
    public void Dispose()
    {
    }

    internal static FileStream OpenFile(string path)
    {
        if (File.Exists(path))
        {
            MultiRate.Core.IO.InputFiles.CheckRegular(path, "log", MultiRate.Core.IO.InputFiles.LogCapBytes);
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new LogFormatException(path, -1, "file", $"a readable MCAP file ({ex.Message})");
        }
    }

    /// <summary>
    /// Opens the index, or returns null when the file has no footer (crashed writer) or, with
    /// <see cref="McapReaderOptions.AllowTruncated"/>, a damaged summary: the data is then read front to back.
    /// </summary>
    internal static McapIndexedReader? TryOpenIndexed(FileStream file, string path, McapReaderOptions options)
    {
        try
        {
            return McapIndexedReader.Open(file, path, options);
        }
        catch (LogFormatException ex) when (ex.IsTruncation || options.AllowTruncated)
        {
            return null;
        }
    }

    private IEnumerable<LogMessage> ReadCore(IReadOnlyCollection<string>? topics, ulong start, ulong end)
    {
        using FileStream file = OpenFile(Path);
        McapIndexedReader? indexed = TryOpenIndexed(file, Path, _options);
        IEnumerable<McapMessage> messages;
        IReadOnlyDictionary<ushort, McapChannel> channels;
        IReadOnlyDictionary<ushort, McapSchema> schemas;
        Func<long> recordOffset;
        if (indexed is { HasChunkIndexes: true })
        {
            // Channel filtering lets whole chunks be skipped; the topic check below stays authoritative.
            List<ushort>? ids = topics is null || indexed.Channels.Count == 0
                ? null
                : indexed.Channels.Values.Where(c => topics.Contains(c.Topic)).Select(c => c.Id).ToList();
            messages = indexed.ReadMessages(start, end, ids);
            (channels, schemas) = (indexed.Channels, indexed.Schemas);
            recordOffset = () => indexed.RecordOffset;
        }
        else
        {
            file.Seek(0, SeekOrigin.Begin);
            var streamedChannels = new Dictionary<ushort, McapChannel>();
            var streamedSchemas = new Dictionary<ushort, McapSchema>();
            var reader = new McapStreamReader(file, Path, _options);
            messages = Streamed(reader, streamedChannels, streamedSchemas, start, end);
            (channels, schemas) = (streamedChannels, streamedSchemas);
            recordOffset = () => reader.RecordOffset;
        }

        var coverage = new LogCoverageTracker();
        using IEnumerator<McapMessage> enumerator = messages.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
            }
            catch (LogFormatException ex) when (_options.AllowTruncated)
            {
                // Replay up to the damage: keep what came before it and say where it stopped.
                coverage.Stop(ex, recordOffset());
                break;
            }

            McapMessage message = enumerator.Current;
            if (!channels.TryGetValue(message.ChannelId, out McapChannel? channel))
            {
                throw new LogFormatException(Path, -1, $"Message at log time {message.LogTime}", $"a Channel record with id {message.ChannelId} before its messages");
            }

            if (topics is null || topics.Contains(channel.Topic))
            {
                schemas.TryGetValue(channel.SchemaId, out McapSchema? schema);
                LogMessage decoded = _decoders.Decode(message, channel, schema);
                coverage.Add(decoded.LogTimeNs);
                yield return decoded;
            }
        }

        ulong? summaryEnd = indexed?.SummaryEndTime;
        Coverage = coverage.Build(summaryEnd is ulong e ? (long)Math.Min(e, long.MaxValue) : null);
    }

    private static IEnumerable<McapMessage> Streamed(
        McapStreamReader reader, Dictionary<ushort, McapChannel> channels, Dictionary<ushort, McapSchema> schemas, ulong start, ulong end)
    {
        foreach (McapRecord record in reader.ReadRecords())
        {
            switch (record)
            {
                case McapSchema schema:
                    schemas.TryAdd(schema.Id, schema);
                    break;
                case McapChannel channel:
                    channels.TryAdd(channel.Id, channel);
                    break;
                case McapMessage message when message.LogTime >= start && message.LogTime <= end:
                    yield return message;
                    break;
            }
        }
    }
}
