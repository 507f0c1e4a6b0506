using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>Rejects a time that goes backwards (equal times are allowed).</summary>
internal sealed class CsvMonotonicCheck
{
    private readonly string _path;
    private readonly string _column;
    private long _lastNs = long.MinValue;
    private long _lastLine;

    public CsvMonotonicCheck(string path, string column)
    {
        _path = path;
        _column = column;
    }

    public void Check(long timeNs, long line)
    {
        if (timeNs < _lastNs)
        {
            throw new LogFormatException(_path, -1, $"line {line} column '{_column}'", $"time not going backwards, but {timeNs} ns is before {_lastNs} ns on line {_lastLine}");
        }

        _lastNs = timeNs;
        _lastLine = line;
    }
}
