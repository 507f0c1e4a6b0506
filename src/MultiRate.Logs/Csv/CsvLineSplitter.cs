namespace MultiRate.Logs.Csv;

/// <summary>Splits one CSV line into cells (RFC 4180 quoting, without line breaks inside quotes).</summary>
internal static class CsvLineSplitter
{
    /// <summary>Fills <paramref name="cells"/>; returns false when a quoted cell is not closed.</summary>
    public static bool TrySplit(string line, char delimiter, List<string> cells)
    {
        cells.Clear();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var cell = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            _ = cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    _ = cell.Append(line[i++]);
                }

                // Anything between the closing quote and the delimiter is kept, as most readers do.
                int stop = line.IndexOf(delimiter, i);
                stop = stop < 0 ? line.Length : stop;
                _ = cell.Append(line.AsSpan(i, stop - i));
                cells.Add(cell.ToString());
                i = stop;
            }
            else
            {
                int stop = line.IndexOf(delimiter, i);
                stop = stop < 0 ? line.Length : stop;
                cells.Add(line[i..stop]);
                i = stop;
            }

            if (i >= line.Length)
            {
                return true;
            }

            i++; // skip the delimiter; a trailing one yields a last empty cell
            if (i == line.Length)
            {
                cells.Add(string.Empty);
                return true;
            }
        }
    }
}
