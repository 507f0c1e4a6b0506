using System.Globalization;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// Which column is time and which are fields, decided from the header and the first data row:
/// a column is a field when its first value is a number (or empty); text columns are ignored.
/// </summary>
internal sealed class CsvLayout
{
    private readonly string _path;
    private readonly decimal _nsPerUnit;

    private CsvLayout(string path, int width, int timeIndex, string timeColumn, int[] fieldIndices, string[] fieldNames, string[] ignored, CsvTimeUnit unit)
    {
        _path = path;
        Width = width;
        TimeIndex = timeIndex;
        TimeColumn = timeColumn;
        FieldIndices = fieldIndices;
        FieldNames = fieldNames;
        IgnoredColumns = ignored;
        _nsPerUnit = unit switch
        {
            CsvTimeUnit.Seconds => 1_000_000_000m,
            CsvTimeUnit.Milliseconds => 1_000_000m,
            CsvTimeUnit.Microseconds => 1_000m,
            _ => 1m,
        };
    }

    public int Width { get; }

    public int TimeIndex { get; }

    public string TimeColumn { get; }

    public int[] FieldIndices { get; }

    public string[] FieldNames { get; }

    public string[] IgnoredColumns { get; }

    public static CsvLayout Create(string path, IReadOnlyList<string> header, IReadOnlyList<string>? firstRow, CsvLogOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in header)
        {
            if (!seen.Add(name))
            {
                throw new LogFormatException(path, -1, "line 1 (header)", $"unique column names, but '{name}' appears twice");
            }
        }

        int time = options.TimeColumn is { } wanted
            ? IndexOf(header, h => h == wanted)
            : IndexOf(header, h => h.StartsWith("time", StringComparison.OrdinalIgnoreCase)) is var t and >= 0
                ? t
                : IndexOf(header, h => h.EndsWith("timestamp", StringComparison.OrdinalIgnoreCase));
        if (time < 0)
        {
            string what = options.TimeColumn is null ? "a time column (header starting with 'time' or ending with 'timestamp'; or set TimeColumn)" : $"a time column named '{options.TimeColumn}'";
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
            if (first is null || string.IsNullOrWhiteSpace(first) || TryParseNumber(first, out _))
            {
                fields.Add(i);
            }
            else
            {
                ignored.Add(header[i]);
            }
        }

        return new CsvLayout(path, header.Count, time, header[time], [.. fields], [.. fields.Select(i => header[i])], [.. ignored], options.TimeUnit);
    }

    /// <summary>Checks the row width and reads its time in nanoseconds.</summary>
    public long ReadTimeNs(List<string> cells, long line)
    {
        if (cells.Count != Width)
        {
            throw new LogFormatException(_path, -1, $"line {line}", $"{Width} cells as in the header, got {cells.Count}");
        }

        string text = cells[TimeIndex];
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            throw new LogFormatException(_path, -1, $"line {line} column '{TimeColumn}'", $"a number, got '{text}'");
        }

        // Checked before multiplying: decimal arithmetic would overflow for absurd values.
        decimal ns = decimal.Abs(value) < 1e19m ? decimal.Round(value * _nsPerUnit, MidpointRounding.AwayFromZero) : decimal.MaxValue;
        if (ns is > LogTime.MaxNs or < LogTime.MinNs)
        {
            throw new LogFormatException(_path, -1, $"line {line} column '{TimeColumn}'", $"a time within +-2^62 ns (about 146 years), got '{text}'");
        }

        return (long)ns;
    }

    /// <summary>Reads field <paramref name="k"/> of a row; null for an empty cell.</summary>
    public double? ReadField(List<string> cells, int k, long line)
    {
        string text = cells[FieldIndices[k]];
        if (TryParseNumber(text, out double value))
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        throw new LogFormatException(_path, -1, $"line {line} column '{FieldNames[k]}'", $"a number, got '{text}'");
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static int IndexOf(IReadOnlyList<string> header, Func<string, bool> match)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (match(header[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
