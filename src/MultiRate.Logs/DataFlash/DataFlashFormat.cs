namespace MultiRate.Logs.DataFlash;

/// <summary>One message type as an FMT record defines it: its id, name, length, format characters and column names.</summary>
/// <param name="Type">Message type id (the third header byte).</param>
/// <param name="Name">Message name (e.g. <c>IMU</c>), NUL-trimmed.</param>
/// <param name="Length">Whole message length in bytes, the 3-byte header included.</param>
/// <param name="Format">Format characters, one per column (see <see cref="DataFlashFormatChars"/>).</param>
/// <param name="Columns">Column names, one per format character.</param>
/// <param name="TimeColumn">Index of the <c>TimeUS</c> column, or -1 when the message has none.</param>
internal sealed record DataFlashFormat(byte Type, string Name, int Length, string Format, string[] Columns, int TimeColumn)
{
    /// <summary>FMT itself (type 128), known before any FMT record defines it.</summary>
    public static readonly DataFlashFormat Fmt = new(128, "FMT", 89, "BBnNZ", ["Type", "Length", "Name", "Format", "Columns"], -1);

    /// <summary>Builds a format, or returns the reason it is invalid.</summary>
    public static DataFlashFormat? TryCreate(byte type, string name, int length, string format, string columns, out string? error)
    {
        error = null;
        int size = 0;
        foreach (char c in format)
        {
            int width = DataFlashFormatChars.Width(c);
            if (width == 0)
            {
                error = $"a known format character in FMT '{name}' format '{format}', found '{c}'";
                return null;
            }

            size += width;
        }

        string[] cols = columns.Length == 0 ? [] : columns.Split(',');
        if (cols.Length != format.Length)
        {
            error = $"as many columns as format characters in FMT '{name}' ('{format}' has {format.Length}, columns '{columns}' {cols.Length})";
            return null;
        }

        if (size + 3 != length)
        {
            error = $"FMT '{name}' length {length} to be 3 + the size of format '{format}' ({size})";
            return null;
        }

        int time = Array.IndexOf(cols, "TimeUS");
        if (time >= 0 && format[time] is not ('Q' or 'q'))
        {
            time = -1;
        }

        return new DataFlashFormat(type, name, length, format, cols, time);
    }
}
