namespace MultiRate.Logs.Csv;

/// <summary>Finds a CSV file's field separator from its header row.</summary>
/// <remarks>
/// Spreadsheets in locales with a decimal comma (German, French, ...) write semicolon-separated files,
/// and many tools write tab-separated ones; the header row tells them apart, since a header names at
/// least two columns (the time and a field). Separators inside quoted names do not count.
/// </remarks>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>The candidate (comma, semicolon, tab) seen most often outside quotes in <paramref name="header"/>; comma on a tie or when none is seen.</summary>
    public static char Detect(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Span<int> counts = stackalloc int[Candidates.Length];
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is int k and >= 0)
            {
                counts[k]++;
            }
        }

        int best = 0;
        for (int k = 1; k < Candidates.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return Candidates[best];
    }

    /// <summary>
    /// A number cell written with a decimal comma (<c>1,5</c>) as the invariant <c>1.5</c>, for files whose
    /// separator is not the comma (a comma there can only be a decimal comma); any other cell as it is.
    /// </summary>
    public static string InvariantNumber(string cell, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (delimiter == ',' || cell.IndexOf('.', StringComparison.Ordinal) >= 0)
        {
            return cell;
        }

        int comma = cell.IndexOf(',', StringComparison.Ordinal);
        return comma >= 0 && cell.IndexOf(',', comma + 1) < 0 ? cell.Replace(',', '.') : cell;
    }
}
