using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>
/// A PX4 ULog file (<see href="https://docs.px4.io/main/en/dev_log/ulog_file_format.html"/>),
/// read by streaming passes: the header and format definitions at open, everything else
/// (info, parameters, log strings, dropouts, topic statistics) by one cached summary pass on
/// first use, and data by <see cref="ReadMessages"/>.
/// </summary>
/// <remarks>
/// Memory stays bounded by the largest record (64 KB) plus the reorder window, whatever the file
/// size. Errors are <see cref="LogFormatException"/>s naming the byte offset and record.
/// Not thread-safe. A file opened from a path opens its own stream per pass; one opened from a
/// stream needs a seekable stream and runs one pass at a time.
/// </remarks>
public sealed class ULogFile : IDisposable
{
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private readonly long _origin;
    private readonly ULogReaderOptions _options;
    private ULogSummary? _summary;
    private bool _disposed;

    private ULogFile(string? path, Stream? stream, bool leaveOpen, ULogReaderOptions? options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options?.ReorderWindow ?? 0, nameof(options));
        Path = path;
        _stream = stream;
        _leaveOpen = leaveOpen;
        _origin = stream?.Position ?? 0;
        _options = options ?? new ULogReaderOptions();
        using ULogParser parser = OpenParser(null);
        parser.ReadDefinitions();
        Version = parser.Version;
        StartTimestampUs = parser.StartTimestampUs;
        Formats = new Dictionary<string, ULogFormat>(parser.Formats, StringComparer.Ordinal);
        AppendedOffsets = [.. parser.AppendedOffsets];
    }

    /// <summary>The file path, or null when opened from a stream.</summary>
    public string? Path { get; }

    /// <summary>File format version from the header.</summary>
    public byte Version { get; }

    /// <summary>Header timestamp: when logging started, in microseconds.</summary>
    public ulong StartTimestampUs { get; }

    /// <summary>Largest data timestamp in the file, in microseconds (the start time if there is no data).</summary>
    public ulong LastTimestampUs => Summary.LastTimestampUs;

    /// <summary>Logging duration: <see cref="LastTimestampUs"/> minus <see cref="StartTimestampUs"/>.</summary>
    public TimeSpan Duration => TimeSpan.FromMicroseconds(LastTimestampUs - StartTimestampUs);

    /// <summary>File offsets of appended-data sections (from the flag bits record); usually empty.</summary>
    public IReadOnlyList<long> AppendedOffsets { get; }

    /// <summary>Format definitions by name.</summary>
    public IReadOnlyDictionary<string, ULogFormat> Formats { get; }

    /// <summary>Info records (<c>I</c>) by key: strings for <c>char[N]</c>, numbers otherwise.</summary>
    public IReadOnlyDictionary<string, JsonNode> Info => Summary.Info;

    /// <summary>Multi-info records (<c>M</c>) by key: each entry is one value set (continued records appended).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<JsonNode>>> MultiInfo => Summary.MultiInfoView;

    /// <summary>Initial parameter values (<c>P</c> records in the definitions section).</summary>
    public IReadOnlyDictionary<string, double> Parameters => Summary.Parameters;

    /// <summary>Default parameter values (<c>Q</c> records).</summary>
    public IReadOnlyList<ULogDefaultParameter> DefaultParameters => Summary.DefaultParameters;

    /// <summary>Parameter changes during logging (<c>P</c> records in the data section).</summary>
    public IReadOnlyList<ULogParameterChange> ChangedParameters => Summary.ChangedParameters;

    /// <summary>Logged strings (<c>L</c>) and tagged logged strings (<c>C</c>), in file order.</summary>
    public IReadOnlyList<ULogLoggedMessage> LoggedMessages => Summary.LoggedMessages;

    /// <summary>Dropouts (<c>O</c> records), in file order.</summary>
    public IReadOnlyList<ULogDropout> Dropouts => Summary.Dropouts;

    /// <summary>Topics (<c>name/multi_id</c>) that have data, sorted by name; schema is the format name.</summary>
    public IReadOnlyList<LogTopicInfo> Topics => Summary.Topics;

    /// <summary>Byte offset where a truncated (or, when allowed, damaged) file stopped being read, when <see cref="ULogReaderOptions.AllowTruncated"/> is set.</summary>
    public long? TruncatedAt => Summary.TruncatedAt;

    /// <summary>What the latest <see cref="ReadMessages"/> enumeration that ran to its end delivered, and where it stopped (see <see cref="LogCoverage"/>).</summary>
    public LogCoverage? Coverage { get; private set; }

    /// <summary>Number of sync records (<c>S</c>).</summary>
    public long SyncCount => Summary.SyncCount;

    /// <summary>Number of records of unknown type that were skipped.</summary>
    public long UnknownRecordCount => Summary.UnknownRecordCount;

    private ULogSummary Summary => _summary ??= Scan();

    /// <summary>Opens a ULog file and reads its header and format definitions.</summary>
    /// <exception cref="LogFormatException">The file is missing, not a ULog file, or its definitions are corrupt.</exception>
    public static ULogFile Open(string path, ULogReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new LogFormatException(path, -1, "file", "an existing ULog file");
        }

        MultiRate.Core.IO.InputFiles.CheckRegular(path, "log", MultiRate.Core.IO.InputFiles.LogCapBytes);

        return new ULogFile(path, null, leaveOpen: false, options);
    }

    /// <summary>Opens a ULog file from a seekable stream positioned at its header.</summary>
    /// <exception cref="ArgumentException">The stream cannot seek.</exception>
    /// <exception cref="LogFormatException">Not a ULog file, or its definitions are corrupt.</exception>
    public static ULogFile Open(Stream stream, ULogReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("ULog reading needs a readable, seekable stream (copy it to a file or MemoryStream first).", nameof(stream));
        }

        return new ULogFile(null, stream, leaveOpen, options);
    }

    /// <summary>
    /// Decoded data messages in timestamp order (within <see cref="ULogReaderOptions.ReorderWindow"/>),
    /// optionally only the given topics (<c>name/multi_id</c>) and log times in [start, end] (ns).
    /// </summary>
    /// <remarks>
    /// Each message is a fresh <see cref="JsonObject"/>. If the file is truncated, every message
    /// before the cut is yielded first, then the <see cref="LogFormatException"/> is thrown
    /// (unless <see cref="ULogReaderOptions.AllowTruncated"/> is set).
    /// </remarks>
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        HashSet<string>? wanted = topics is null ? null : new HashSet<string>(topics, StringComparer.Ordinal);
        return ReadMessagesCore(wanted, startNs ?? long.MinValue, endNs ?? long.MaxValue);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed && !_leaveOpen)
        {
            _stream?.Dispose();
        }

        _disposed = true;
    }

    private static LogMessage Decode(ULogPendingMessage m) =>
        new(m.TimeNs, m.Subscription.Topic, ULogDecoder.Decode(m.Subscription.Format, m.Data));

    private IEnumerable<LogMessage> ReadMessagesCore(HashSet<string>? topics, long startNs, long endNs)
    {
        using ULogParser parser = OpenParser(null);
        var window = new PriorityQueue<ULogPendingMessage, (long TimeNs, long Sequence)>();
        long sequence = 0;
        var coverage = new LogCoverageTracker();
        LogFormatException? truncation = null;
        while (true)
        {
            try
            {
                if (!parser.MoveNext())
                {
                    break;
                }
            }
            catch (LogFormatException e) when (e.IsTruncation)
            {
                // Deliver what came before the cut, then report it.
                truncation = e;
                break;
            }

            ULogSubscription sub = parser.CurrentSubscription!;
            long timeNs = parser.CurrentLogTimeNs;
            if (timeNs < startNs || timeNs > endNs || (topics is not null && !topics.Contains(sub.Topic)))
            {
                continue;
            }

            window.Enqueue(new ULogPendingMessage(timeNs, sub, parser.CurrentData.ToArray()), (timeNs, sequence++));
            if (window.Count > _options.ReorderWindow)
            {
                ULogPendingMessage next = window.Dequeue();
                coverage.Add(next.TimeNs);
                yield return Decode(next);
            }
        }

        while (window.Count > 0)
        {
            ULogPendingMessage next = window.Dequeue();
            coverage.Add(next.TimeNs);
            yield return Decode(next);
        }

        if (truncation is not null)
        {
            ExceptionDispatchInfo.Throw(truncation);
        }

        if (parser.StoppedBy is { } damage)
        {
            coverage.Stop(damage, parser.RecordOffset);
        }

        Coverage = coverage.Build();
    }

    private ULogSummary Scan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var summary = new ULogSummary();
        using ULogParser parser = OpenParser(summary);
        while (parser.MoveNext())
        {
            // The parser feeds the summary as it goes; data is not decoded.
        }

        summary.LastTimestampUs = parser.LastTimestampUs;
        return summary;
    }

    private ULogParser OpenParser(ULogSummary? summary)
    {
        if (_stream is null)
        {
            var file = new FileStream(Path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return new ULogParser(file, Path, leaveOpen: false, summary, _options.AllowTruncated);
        }

        _ = _stream.Seek(_origin, SeekOrigin.Begin);
        return new ULogParser(_stream, null, leaveOpen: true, summary, _options.AllowTruncated);
    }
}
