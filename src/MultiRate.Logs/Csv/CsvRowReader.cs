using System.Text;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>Reads a CSV file line by line: the header, then one row of cells at a time.</summary>
/// <remarks>
/// Memory holds one line, of at most <see cref="MaxLineChars"/> characters: a file with no line
/// breaks is refused at that length rather than read whole. Blank lines are skipped; line numbers
/// count every line, from 1. A line ends at LF, CRLF or a lone CR (files from old Mac tools), as
/// <see cref="TextReader.ReadLine"/> has it.
/// </remarks>
internal sealed class CsvRowReader : IDisposable
{
    /// <summary>The longest line accepted: 1 Mi characters (a row of a thousand numbers is about 20 Ki).</summary>
    public const int MaxLineChars = 1 << 20;

    private readonly StringBuilder _line = new();
    private readonly StreamReader _reader;
    private readonly string _path;
    private readonly char? _given;
    private bool _detected;

    /// <param name="path">The CSV file.</param>
    /// <param name="delimiter">The field separator, or null to find it from the header row (<see cref="CsvDelimiter.Detect"/>).</param>
    public CsvRowReader(string path, char? delimiter)
    {
        _path = path;
        _given = delimiter;
        Delimiter = delimiter ?? ',';
        var stream = MultiRate.Core.IO.InputFiles.OpenRead(path, "log", MultiRate.Core.IO.InputFiles.LogCapBytes);
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

    /// <summary>The field separator: as given, or found from the header row.</summary>
    public char Delimiter { get; private set; }

    public long HeaderLine { get; }

    /// <summary>Cells of the current row; reused by the next <see cref="MoveNext"/>.</summary>
    public List<string> Cells { get; } = [];

    /// <summary>1-based line number of the current row.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Advances to the next non-blank line; false at the end of the file.</summary>
    public bool MoveNext()
    {
        while (ReadLine() is { } line)
        {
            LineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (_given is null && !_detected)
            {
                Delimiter = CsvDelimiter.Detect(line);
                _detected = true;
            }

            if (!CsvLineSplitter.TrySplit(line, Delimiter, Cells))
            {
                throw new LogFormatException(_path, -1, $"line {LineNumber}", "a closing quote (quoted cells cannot span lines)");
            }

            return true;
        }

        return false;
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Like <see cref="TextReader.ReadLine"/>, refusing a line longer than <see cref="MaxLineChars"/>.</summary>
    private string? ReadLine()
    {
        _line.Clear();
        int c;
        while ((c = _reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                return TrimCr();
            }

            if (c == '\r' && _reader.Peek() != '\n')
            {
                return _line.ToString();
            }

            if (_line.Length >= MaxLineChars)
            {
                throw new LogFormatException(
                    _path,
                    -1,
                    $"line {LineNumber + 1}",
                    $"a line of at most {MaxLineChars} characters (1 Mi), but it is longer; is this a CSV file with line breaks?");
            }

            _ = _line.Append((char)c);
        }

        return _line.Length == 0 ? null : TrimCr();
    }

    private string TrimCr()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return _line.ToString();
    }
}
