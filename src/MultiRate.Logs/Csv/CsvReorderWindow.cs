using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// Puts rows that are slightly out of time order back in order, holding at most
/// <see cref="Rows"/> rows; a row earlier than one already handed out is an error naming both lines.
/// </summary>
/// <remarks>
/// Loggers that write from several threads, or stamp rows with a sensor's own clock, often write a
/// row a few places late. Sorting the whole file would need the whole file in memory; a window of
/// <see cref="Rows"/> rows fixes the common case with bounded memory and refuses the rest. Equal times
/// keep file order.
/// </remarks>
/// <typeparam name="T">What travels with each row (a message, or nothing).</typeparam>
internal sealed class CsvReorderWindow<T>
{
    /// <summary>How many rows a row may be written late and still be read in time order.</summary>
    public const int Rows = 256;

    private readonly PriorityQueue<(long TimeNs, long Line, T Item), (long TimeNs, long Line)> _pending = new();
    private readonly string _path;
    private readonly string _column;
    private long _lastNs = long.MinValue;
    private long _lastLine;
    private long _maxSeenNs = long.MinValue;

    public CsvReorderWindow(string path, string column)
    {
        _path = path;
        _column = column;
    }

    /// <summary>Rows that arrived earlier than a row before them (each put back in order).</summary>
    public long Reordered { get; private set; }

    /// <summary>Adds a row; returns true and the earliest pending row when the window is full.</summary>
    /// <exception cref="LogFormatException">The row is earlier than a row already handed out.</exception>
    public bool Add(long timeNs, long line, T item, out (long TimeNs, long Line, T Item) ready)
    {
        if (timeNs < _lastNs)
        {
            throw new LogFormatException(
                _path,
                -1,
                $"line {line} column '{_column}'",
                $"rows in time order, or late by at most {Rows} rows; but {timeNs} ns is before {_lastNs} ns on line {_lastLine}, more than {Rows} rows earlier");
        }

        if (timeNs < _maxSeenNs)
        {
            Reordered++;
        }

        _maxSeenNs = Math.Max(_maxSeenNs, timeNs);
        _pending.Enqueue((timeNs, line, item), (timeNs, line));
        if (_pending.Count > Rows)
        {
            ready = Take();
            return true;
        }

        ready = default;
        return false;
    }

    /// <summary>Hands out the remaining rows in time order at the end of the file.</summary>
    public bool TryDrain(out (long TimeNs, long Line, T Item) ready)
    {
        if (_pending.Count == 0)
        {
            ready = default;
            return false;
        }

        ready = Take();
        return true;
    }

    private (long TimeNs, long Line, T Item) Take()
    {
        (long TimeNs, long Line, T Item) row = _pending.Dequeue();
        _lastNs = row.TimeNs;
        _lastLine = row.Line;
        return row;
    }
}
