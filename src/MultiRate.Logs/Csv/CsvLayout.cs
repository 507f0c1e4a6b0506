using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// Which column is time (and in which unit) and which are fields, decided from the header and the
/// first data row: a column is a field when its first value is a number (or empty); text columns
/// are ignored. See <see cref="CsvTimeColumn"/> for the time column's rules.
/// </summary>
internal sealed class CsvLayout
{
    private readonly string _path;
    private readonly long _nsPerUnit;
    private readonly char _delimiter;

    private CsvLayout(string path, char delimiter, int width, int timeIndex, string timeColumn, int[] fieldIndices, string[] fieldNames, string[] ignored, CsvTimeUnit unit, string unitSource)
    {
        _path = path;
        _delimiter = delimiter;
        Width = width;
        TimeIndex = timeIndex;
        TimeColumn = timeColumn;
        FieldIndices = fieldIndices;
        FieldNames = fieldNames;
        IgnoredColumns = ignored;
        TimeUnit = unit;
        TimeUnitSource = unitSource;
        _nsPerUnit = unit switch
        {
            CsvTimeUnit.Seconds => 1_000_000_000L,
            CsvTimeUnit.Milliseconds => 1_000_000L,
            CsvTimeUnit.Microseconds => 1_000L,
            _ => 1L,
        };
    }

    public int Width { get; }

    public int TimeIndex { get; }

    public string TimeColumn { get; }

    public CsvTimeUnit TimeUnit { get; }

    /// <summary>Where <see cref="TimeUnit"/> came from: option, header, convention, magnitude or default.</summary>
    public string TimeUnitSource { get; }

    public int[] FieldIndices { get; }

    public string[] FieldNames { get; }

    public string[] IgnoredColumns { get; }

    public static CsvLayout Create(string path, IReadOnlyList<string> header, IReadOnlyList<string>? firstRow, CsvLogOptions options, char delimiter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in header)
        {
            if (!seen.Add(name))
            {
                throw new LogFormatException(path, -1, "line 1 (header)", $"unique column names, but '{name}' appears twice");
            }
        }

        int time = CsvTimeColumn.Find(header, options.TimeColumn);
        if (time < 0)
        {
            string what = options.TimeColumn is null
                ? "a time column (named time, timestamp, stamp, t or ts, with an optional '#'/'%' prefix and unit such as '[ns]' or '_us'; or starting with 'time' or ending with 'timestamp'/'stamp'; or name one with --time-column)"
                : $"a time column named '{options.TimeColumn}'";
            throw new LogFormatException(path, -1, "line 1 (header)", $"{what}; columns are {string.Join(", ", header.Select(h => $"'{h}'"))}");
        }

        var fields = new List<int>();
        var ignored = new List<string>();
        for (int i = 0; i < header.Count; i++)
        {
            if (i == time)
            {
                continue;
            }

            string? first = firstRow is not null && i < firstRow.Count ? firstRow[i] : null;
            if (first is null || string.IsNullOrWhiteSpace(first) || CsvNumbers.TryParseField(CsvDelimiter.InvariantNumber(first, delimiter), out _))
            {
                fields.Add(i);
            }
            else
            {
                ignored.Add(header[i]);
            }
        }

        string? firstTime = firstRow is not null && time < firstRow.Count ? CsvDelimiter.InvariantNumber(firstRow[time], delimiter) : null;
        (CsvTimeUnit unit, string source) = CsvTimeColumn.Unit(header[time], firstTime, options.TimeUnit);
        return new CsvLayout(path, delimiter, header.Count, time, header[time], [.. fields], [.. fields.Select(i => header[i])], [.. ignored], unit, source);
    }

    /// <summary>Checks the row width and reads its time in nanoseconds, exactly (integers never pass through double).</summary>
    public long ReadTimeNs(List<string> cells, long line)
    {
        if (cells.Count != Width)
        {
            throw new LogFormatException(_path, -1, $"line {line}", $"{Width} cells as in the header, got {cells.Count}");
        }

        string text = cells[TimeIndex];
        return CsvNumbers.ParseTimeNs(CsvDelimiter.InvariantNumber(text, _delimiter), _nsPerUnit) switch
        {
            CsvNumbers.TimeResult.Ok(long ns) => ns,
            CsvNumbers.TimeResult.OutOfRange => throw new LogFormatException(_path, -1, $"line {line} column '{TimeColumn}'", $"a time within +-2^62 ns (about 146 years), got '{text}' {CsvTimeColumn.Describe(TimeUnit)}"),
            _ => throw new LogFormatException(_path, -1, $"line {line} column '{TimeColumn}'", $"a number, got '{text}'"),
        };
    }

    /// <summary>Reads field <paramref name="k"/> of a row: an exact 64-bit integer or a double; null for an empty cell.</summary>
    public JsonValue? ReadField(List<string> cells, int k, long line)
    {
        string text = cells[FieldIndices[k]];
        if (CsvNumbers.TryParseField(CsvDelimiter.InvariantNumber(text, _delimiter), out JsonValue? value))
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        throw new LogFormatException(_path, -1, $"line {line} column '{FieldNames[k]}'", $"a number, got '{text}'");
    }

    /// <summary>The unit and its source in words, e.g. <c>ns (header)</c>.</summary>
    public string DescribeUnit() => string.Create(CultureInfo.InvariantCulture, $"{CsvTimeColumn.Describe(TimeUnit)} ({TimeUnitSource})");
}
