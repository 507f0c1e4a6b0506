using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.DataFlash;

/// <summary>
/// An ArduPilot DataFlash <c>.bin</c> log as an <see cref="ISensorLog"/>, decoded as pymavlink's DFReader
/// decodes it: one topic per message name (FMT included; instances such as IMU I=0/1 share their
/// name's topic), encoding <c>dataflash</c>, schema = message name, fields flat by column name.
/// </summary>
/// <remarks>
/// <para>Log time is <c>TimeUS</c> x 1000. A message without <c>TimeUS</c> (FMT) takes the latest
/// <c>TimeUS</c> before it in the file, or the file's first <c>TimeUS</c> when it comes before any.
/// Messages come in file order, as DFReader yields them: ArduPilot writes messages when ready, so
/// times may step back slightly across types (never within one type in the logs seen).</para>
/// <para>A file that ends inside a message (a log cut by power-off or copying; the usual end of an
/// onboard log) is read up to the cut: every complete message is delivered and <see cref="Coverage"/>
/// reports the cut as a truncation with its byte offset. Other damage (a bad header, a type without
/// an FMT, an invalid FMT, a time beyond 64-bit nanoseconds) is a <see cref="LogFormatException"/>
/// with the byte offset, or with <c>allowTruncated</c> the end of a faithful prefix.</para>
/// <para>Streams with one 256-byte message buffer; each read opens its own file handle. Not thread-safe.</para>
/// </remarks>
public sealed class DataFlashSensorLog : ISensorLog
{
    /// <summary>The message encoding reported for every topic.</summary>
    public const string EncodingName = "dataflash";

    private readonly Func<Stream> _open;
    private readonly bool _allowTruncated;
    private DataFlashScan? _scan;

    private DataFlashSensorLog(string path, Func<Stream> open, bool allowTruncated)
    {
        Path = path;
        _open = open;
        _allowTruncated = allowTruncated;
    }

    /// <inheritdoc />
    public string Format => "ardupilot-dataflash";

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public IReadOnlyList<LogTopicInfo> Topics => Scan.Topics;

    /// <summary>Format characters by message name, as the log's FMT records define them.</summary>
    public IReadOnlyDictionary<string, string> MessageFormats => Scan.Formats;

    /// <summary>True when the file ends inside a message (or, with <c>allowTruncated</c>, the scan stopped at damage).</summary>
    public bool IsTruncated => Scan.Stop is not null;

    /// <inheritdoc />
    public LogCoverage? Coverage { get; private set; }

    private DataFlashScan Scan
    {
        get
        {
            if (_scan is null)
            {
                using Stream stream = _open();
                _scan = DataFlashScan.Run(stream, Path, _allowTruncated);
            }

            return _scan;
        }
    }

    /// <summary>Opens a DataFlash log (checks that it starts with the message header A3 95).</summary>
    /// <param name="path">The file.</param>
    /// <param name="allowTruncated">Read damaged logs up to the damage instead of failing.</param>
    /// <exception cref="LogFormatException">The file is unreadable or not a DataFlash log.</exception>
    public static DataFlashSensorLog Open(string path, bool allowTruncated = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(path, () => OpenFile(path), allowTruncated);
    }

    /// <summary>Opens a log read through <paramref name="open"/> (a fresh stream per pass), named <paramref name="path"/> in errors.</summary>
    internal static DataFlashSensorLog Open(string path, Func<Stream> open, bool allowTruncated)
    {
        using (Stream stream = open())
        {
            Span<byte> head = stackalloc byte[2];
            int read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            if (read < 2 || head[0] != 0xA3 || head[1] != 0x95)
            {
                throw new LogFormatException(path, 0, "message header", "a DataFlash log starting A3 95", isTruncation: read < 2);
            }
        }

        return new DataFlashSensorLog(path, open, allowTruncated);
    }

    /// <inheritdoc />
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        long? first = Scan.FirstTimeNs;
        return ReadCore(topics, startNs ?? long.MinValue, endNs ?? long.MaxValue, first);
    }

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
            throw new LogFormatException(path, -1, "file", $"a readable DataFlash log ({ex.Message})");
        }
    }

    private IEnumerable<LogMessage> ReadCore(IReadOnlyCollection<string>? topics, long start, long end, long? first)
    {
        using Stream stream = _open();
        var reader = new DataFlashRecordReader(stream, Path);
        var coverage = new LogCoverageTracker();
        long? latest = null;
        while (true)
        {
            LogMessage? message = null;
            try
            {
                if (!reader.Next())
                {
                    break;
                }

                long? own = DataFlashTime.Of(reader, Path);
                latest = own ?? latest;
                long time = own ?? latest ?? first ?? 0;
                DataFlashFormat format = reader.Format;
                if (time >= start && time <= end && (topics is null || topics.Contains(format.Name)))
                {
                    message = new LogMessage(time, format.Name, Decode(format, reader.Payload));
                }
            }
            catch (LogFormatException ex) when (ex.IsTruncation || _allowTruncated)
            {
                // Up to the cut (or the allowed damage): everything before it has been delivered.
                coverage.Stop(ex, reader.Offset);
                break;
            }

            if (message is not null)
            {
                coverage.Add(message.LogTimeNs);
                yield return message;
            }
        }

        Coverage = coverage.Build();
    }

    private static JsonObject Decode(DataFlashFormat format, ReadOnlySpan<byte> payload)
    {
        var data = new JsonObject();
        int at = 0;
        for (int i = 0; i < format.Format.Length; i++)
        {
            char c = format.Format[i];
            data[format.Columns[i]] = DataFlashFormatChars.Decode(c, payload[at..]);
            at += DataFlashFormatChars.Width(c);
        }

        return data;
    }
}
