namespace MultiRate.Scheduling.Executor;

/// <summary>Ring buffer of the most recent observation rows for the slow modules.</summary>
/// <remarks>Written by the fast thread; copied out by the dispatcher on the same thread. No allocation.</remarks>
internal sealed class ObservationHistory
{
    private readonly float[] _rows;
    private readonly int _rowSize;
    private readonly int _capacity;
    private long _count;
    private int _writeSlot;

    public ObservationHistory(int capacity, int rowSize)
    {
        _capacity = Math.Max(1, capacity);
        _rowSize = rowSize;
        _rows = new float[_capacity * Math.Max(1, rowSize)];
    }

    public int RowSize => _rowSize;

    public int Count => (int)Math.Min(_count, _capacity);

    public void Append(ReadOnlySpan<float> row)
    {
        // The write slot wraps by compare instead of a division per fast tick.
        row[.._rowSize].CopyTo(_rows.AsSpan(_writeSlot * _rowSize, _rowSize));
        _count++;
        if (++_writeSlot == _capacity)
        {
            _writeSlot = 0;
        }
    }

    /// <summary>
    /// Copies the last <paramref name="rows"/> rows, oldest first. When fewer exist, the oldest
    /// available row is repeated at the front (or zeros before any row), so the window is always full.
    /// </summary>
    public void CopyLast(int rows, Span<float> destination)
    {
        int have = Count;
        for (int i = 0; i < rows; i++)
        {
            Span<float> dst = destination.Slice(i * _rowSize, _rowSize);
            int back = rows - 1 - i; // 0 = newest
            if (have == 0)
            {
                dst.Clear();
                continue;
            }

            long index = _count - 1 - Math.Min(back, have - 1);
            int slot = (int)(index % _capacity);
            _rows.AsSpan(slot * _rowSize, _rowSize).CopyTo(dst);
        }
    }
}
