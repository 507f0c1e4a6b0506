namespace MultiRate.Training.Data;

/// <summary>
/// Builds the exact input rows the context module sees for a trigger, from the per-action-tick
/// context rows: the executor's copy (<c>ObservationHistory.CopyLast</c>) followed by the module's
/// staging (<c>TorchContextModule.StageHistory</c>).
/// </summary>
/// <remarks>
/// Executor: the last <c>windowRows</c> rows, oldest first; with fewer rows the oldest one is
/// repeated at the front, zeros before any row. Module: keeps the newest <c>min(windowRows,
/// moduleRows)</c> of those and left-pads with zero rows. Pure; no allocation.
/// </remarks>
internal static class ContextWindow
{
    /// <summary>Writes the module's [moduleRows, columns] input for the window ending before row <paramref name="rowEnd"/>.</summary>
    /// <param name="rows">All context rows so far, row-major, one per action tick.</param>
    /// <param name="columns">Values per row.</param>
    /// <param name="rowEnd">Rows appended when the trigger ran (the window is the rows before this index).</param>
    /// <param name="windowRows">Rows the executor copies (the clock's history).</param>
    /// <param name="moduleRows">Rows the module takes (its history length).</param>
    /// <param name="destination">moduleRows * columns values.</param>
    public static void Fill(ReadOnlySpan<float> rows, int columns, int rowEnd, int windowRows, int moduleRows, Span<float> destination)
    {
        int used = Math.Min(windowRows, moduleRows);
        int pad = moduleRows - used;
        destination[..(pad * columns)].Clear();
        for (int i = 0; i < used; i++)
        {
            // Position in the executor's window of module row pad + i.
            int windowIndex = windowRows - used + i;
            int back = windowRows - 1 - windowIndex; // 0 = newest
            Span<float> dst = destination.Slice((pad + i) * columns, columns);
            if (rowEnd <= 0)
            {
                dst.Clear();
                continue;
            }

            int index = rowEnd - 1 - Math.Min(back, rowEnd - 1);
            rows.Slice(index * columns, columns).CopyTo(dst);
        }
    }
}
