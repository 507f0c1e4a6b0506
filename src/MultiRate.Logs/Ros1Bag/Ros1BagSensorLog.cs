using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// A ROS 1 bag (v2.0) as an <see cref="ISensorLog"/>: topics as rosbag names them, encoding <c>ros1</c>,
/// schema = the connection's type (e.g. <c>geometry_msgs/PoseStamped</c>), messages decoded from the
/// connection's own message definition as rosbag/genpy decode them.
/// </summary>
/// <remarks>
/// <para>A closed bag is read through its index in log-time order (chunks that overlap in time are
/// merged); chunks may be uncompressed, lz4 (roslz4's LZ4 frames) or bz2. A bag that was not closed
/// (index_pos 0) is read by scanning its chunks, messages in file order, and <see cref="Notes"/> says so.</para>
/// <para>Damage is a <see cref="LogFormatException"/> with the byte offset of the record (for records
/// inside a chunk, the chunk's offset and the offset in the uncompressed chunk). With
/// <c>allowTruncated</c> a read stops at the damage and <see cref="Coverage"/> says where. A message
/// its definition does not consume exactly is always an error naming topic, type and offset.</para>
/// <para>Each read opens its own file handle and holds only the chunks it is merging. Not thread-safe.</para>
/// </remarks>
public sealed class Ros1BagSensorLog : ISensorLog
{
    private readonly Func<Stream> _open;
    private readonly bool _allowTruncated;
    private readonly Ros1BagFile _bag;
    private IReadOnlyList<LogTopicInfo>? _topics;

    private Ros1BagSensorLog(string path, Func<Stream> open, bool allowTruncated, Ros1BagFile bag)
    {
        Path = path;
        _open = open;
        _allowTruncated = allowTruncated;
        _bag = bag;
        Notes = bag.Indexed ? [] : ["the bag has no usable index (its writer did not close it, or the file was cut short); read by scanning its chunks, messages in file order"];
    }

    /// <inheritdoc />
    public string Format => "ros1-bag";

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>What a reader of this bag should know (e.g. that it was read without its index).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when the bag has its index (it was closed by its writer).</summary>
    public bool Indexed => _bag.Indexed;

    /// <inheritdoc />
    public IReadOnlyList<LogTopicInfo> Topics => _topics ??= Ros1BagTopics.Scan(_open, Path, _bag, _allowTruncated);

    /// <inheritdoc />
    public LogCoverage? Coverage { get; private set; }

    /// <summary>Opens a bag: reads its header and index (not its chunks).</summary>
    /// <param name="path">The file.</param>
    /// <param name="allowTruncated">Read damaged bags up to the damage instead of failing.</param>
    /// <exception cref="LogFormatException">The file is unreadable, not a v2.0 bag, or its header or index is damaged.</exception>
    public static Ros1BagSensorLog Open(string path, bool allowTruncated = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(path, () => OpenFile(path), allowTruncated);
    }

    /// <summary>Opens a bag read through <paramref name="open"/> (a fresh seekable stream per pass), named <paramref name="path"/> in errors.</summary>
    internal static Ros1BagSensorLog Open(string path, Func<Stream> open, bool allowTruncated)
    {
        using Stream stream = open();
        Ros1BagFile bag = Ros1BagFile.Load(stream, path, allowTruncated);
        return new Ros1BagSensorLog(path, open, allowTruncated, bag);
    }

    /// <inheritdoc />
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null) =>
        ReadCore(topics, startNs ?? long.MinValue, endNs ?? long.MaxValue);

    /// <summary>Nothing to release: file handles live only as long as a read.</summary>
    public void Dispose()
    {
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new LogFormatException(path, -1, "file", $"a readable ROS bag ({ex.Message})");
        }
    }

    private IEnumerable<LogMessage> ReadCore(IReadOnlyCollection<string>? topics, long start, long end)
    {
        using Stream stream = _open();
        long offset = -1;
        IEnumerable<Ros1BagRawMessage> raw;
        if (_bag.Indexed)
        {
            var wanted = _bag.Connections.Values.Where(c => topics is null || topics.Contains(c.Topic)).Select(c => c.Id).ToHashSet();
            raw = Ros1BagIndexedReader.Read(stream, Path, _bag, wanted, start, end);
        }
        else
        {
            raw = Ros1BagScanReader.Read(stream, Path, [], o => offset = o);
        }

        var coverage = new LogCoverageTracker();
        using IEnumerator<Ros1BagRawMessage> enumerator = raw.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
            }
            catch (LogFormatException ex) when (_allowTruncated)
            {
                coverage.Stop(ex, offset);
                break;
            }

            Ros1BagRawMessage m = enumerator.Current;
            if (m.TimeNs < start || m.TimeNs > end || (topics is not null && !topics.Contains(m.Connection.Topic)))
            {
                continue;
            }

            LogMessage message = Decode(m);
            coverage.Add(message.LogTimeNs);
            yield return message;
        }

        Coverage = coverage.Build();
    }

    private LogMessage Decode(Ros1BagRawMessage m)
    {
        try
        {
            return new LogMessage(m.TimeNs, m.Connection.Topic, m.Connection.Decoder().Decode(m.Data.Span));
        }
        catch (FormatException ex)
        {
            throw new LogFormatException(Path, m.ChunkPosition, $"message on topic '{m.Connection.Topic}' ({m.Connection.Type}) at uncompressed chunk offset {m.Offset}", ex.Message);
        }
    }
}
