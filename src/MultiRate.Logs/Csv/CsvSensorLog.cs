using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// A sensor CSV file as an <see cref="ISensorLog"/>: one topic (the file stem), a header row, a
/// time column, and every other numeric column as a field named by its exact header text.
/// </summary>
/// <remarks>
/// Streams the file line by line; memory holds one line and a window of rows put back in time order
/// (a row may be written up to 256 rows late; later than that is an error naming both lines).
/// Messages are <see cref="JsonObject"/>s of header -> number (an integer cell as an exact
/// <see cref="long"/>, any other as <see cref="double"/>); an empty cell leaves its field out.
/// Errors are <see cref="LogFormatException"/>s naming the file, line and column.
/// Not thread-safe; each pass opens the file anew.
/// </remarks>
public sealed class CsvSensorLog : ISensorLog
{
    private readonly CsvLayout _layout;
    private readonly char _delimiter;
    private IReadOnlyList<LogTopicInfo>? _topics;

    private CsvSensorLog(string path, CsvLogOptions options, CsvLayout layout, char delimiter)
    {
        Path = path;
        _layout = layout;
        _delimiter = delimiter;
        Topic = options.TopicName ?? System.IO.Path.GetFileNameWithoutExtension(path);
    }

    /// <inheritdoc/>
    public string Format => "csv";

    /// <inheritdoc/>
    public string Path { get; }

    /// <summary>The one topic: <see cref="CsvLogOptions.TopicName"/> or the file stem.</summary>
    public string Topic { get; }

    /// <summary>Header of the time column in use.</summary>
    public string TimeColumn => _layout.TimeColumn;

    /// <summary>Unit of the time column, as given or found (see <see cref="CsvLogOptions.TimeUnit"/>).</summary>
    public CsvTimeUnit TimeUnit => _layout.TimeUnit;

    /// <summary>The time unit and where it came from, in words, e.g. <c>ns (header)</c>.</summary>
    public string TimeUnitDescription => _layout.DescribeUnit();

    /// <summary>Rows read so far that were written late and put back in time order (see <c>CsvReorderWindow</c>).</summary>
    public long ReorderedRows { get; private set; }

    /// <summary>The field separator in use, as given or found from the header (see <see cref="CsvLogOptions.Delimiter"/>).</summary>
    public char Delimiter => _delimiter;

    /// <summary>Headers of the field columns, in file order.</summary>
    public IReadOnlyList<string> Fields => _layout.FieldNames;

    /// <summary>Headers of columns left out because their first value is not a number.</summary>
    public IReadOnlyList<string> IgnoredColumns => _layout.IgnoredColumns;

    /// <summary>The single topic with count and first/last time (encoding <c>csv</c>, schema empty); the first call reads the whole file.</summary>
    /// <exception cref="LogFormatException">A row is malformed or time goes backwards.</exception>
    public IReadOnlyList<LogTopicInfo> Topics => _topics ??= Scan();

    /// <summary>Opens a CSV file and reads its header and first row to find the time and field columns.</summary>
    /// <exception cref="LogFormatException">The file is missing, empty, or has no usable time column.</exception>
    public static CsvSensorLog Open(string path, CsvLogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new CsvLogOptions();
        if (options.Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{options.Delimiter}' cannot separate CSV fields.", nameof(options));
        }

        if (!File.Exists(path))
        {
            throw new LogFormatException(path, -1, "file", "an existing CSV file");
        }

        using var reader = new CsvRowReader(path, options.Delimiter);
        List<string>? first = reader.MoveNext() ? reader.Cells : null;
        return new CsvSensorLog(path, options, CsvLayout.Create(path, reader.Header, first, options, reader.Delimiter), reader.Delimiter);
    }

    /// <inheritdoc/>
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        if (topics is not null && !topics.Contains(Topic))
        {
            return [];
        }

        return ReadCore(startNs ?? long.MinValue, endNs ?? long.MaxValue);
    }

    /// <inheritdoc/>
    public LogCoverage? Coverage { get; private set; }

    /// <inheritdoc/>
    public void Dispose()
    {
        // Nothing held open between passes.
    }

    private IEnumerable<LogMessage> ReadCore(long startNs, long endNs)
    {
        using var reader = new CsvRowReader(Path, _delimiter);
        var window = new CsvReorderWindow<JsonObject>(Path, _layout.TimeColumn);
        var coverage = new LogCoverageTracker();
        bool past = false;
        while (!past && reader.MoveNext())
        {
            long timeNs = _layout.ReadTimeNs(reader.Cells, reader.LineNumber);
            if (window.Add(timeNs, reader.LineNumber, ToJson(reader), out var ready))
            {
                past = ready.TimeNs > endNs; // rows handed out only grow from here
                if (!past && ready.TimeNs >= startNs)
                {
                    coverage.Add(ready.TimeNs);
                    yield return new LogMessage(ready.TimeNs, Topic, ready.Item);
                }
            }
        }

        while (!past && window.TryDrain(out var ready))
        {
            past = ready.TimeNs > endNs;
            if (!past && ready.TimeNs >= startNs)
            {
                coverage.Add(ready.TimeNs);
                yield return new LogMessage(ready.TimeNs, Topic, ready.Item);
            }
        }

        ReorderedRows = window.Reordered;

        // CSV has no records to resynchronize on: damage is always an error, so coverage is whole.
        Coverage = coverage.Build();
    }

    private JsonObject ToJson(CsvRowReader reader)
    {
        var data = new JsonObject();
        for (int k = 0; k < _layout.FieldNames.Length; k++)
        {
            if (_layout.ReadField(reader.Cells, k, reader.LineNumber) is JsonValue value)
            {
                data.Add(_layout.FieldNames[k], value);
            }
        }

        return data;
    }

    private LogTopicInfo[] Scan()
    {
        using var reader = new CsvRowReader(Path, _delimiter);
        var window = new CsvReorderWindow<bool>(Path, _layout.TimeColumn);
        long count = 0;
        long first = 0;
        long last = 0;
        while (reader.MoveNext())
        {
            long timeNs = _layout.ReadTimeNs(reader.Cells, reader.LineNumber);
            for (int k = 0; k < _layout.FieldNames.Length; k++)
            {
                _ = _layout.ReadField(reader.Cells, k, reader.LineNumber);
            }

            if (window.Add(timeNs, reader.LineNumber, true, out var ready))
            {
                Count(ready.TimeNs);
            }
        }

        while (window.TryDrain(out var ready))
        {
            Count(ready.TimeNs);
        }

        ReorderedRows = window.Reordered;
        return [new LogTopicInfo(Topic, count, first, last, "csv", string.Empty)];

        void Count(long timeNs)
        {
            first = count == 0 ? timeNs : first;
            last = timeNs;
            count++;
        }
    }
}
