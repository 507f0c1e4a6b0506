using System.Text;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>Reads a CSV file line by line: the header, then one row of cells at a time.</summary>
/// <remarks>Memory holds one line. Blank lines are skipped; line numbers count every line, from 1.</remarks>
internal sealed class CsvRowReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly string _path;
    private readonly char _delimiter;

    public CsvRowReader(string path, char delimiter)
    {
        _path = path;
        _delimiter = delimiter;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (!MoveNext())
        {
            _reader.Dispose();
            throw new LogFormatException(path, -1, "line 1", "a header row naming the columns, but the file is empty");
        }

        Header = [.. Cells];
        HeaderLine = LineNumber;
    }

    public IReadOnlyList<string> Header { get; }

    public long HeaderLine { get; }

    /// <summary>Cells of the current row; reused by the next <see cref="MoveNext"/>.</summary>
    public List<string> Cells { get; } = [];

    /// <summary>1-based line number of the current row.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Advances to the next non-blank line; false at the end of the file.</summary>
    public bool MoveNext()
    {
        while (_reader.ReadLine() is { } line)
        {
            LineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!CsvLineSplitter.TrySplit(line, _delimiter, Cells))
            {
                throw new LogFormatException(_path, -1, $"line {LineNumber}", "a closing quote (quoted cells cannot span lines)");
            }

            return true;
        }

        return false;
    }

    public void Dispose() => _reader.Dispose();
}
