using System.Text;

namespace MultiRate.Cli.Dashboard;

/// <summary>Fits a log line into the log panel: wrapped at spaces, at most a few rows, an ellipsis where it was cut.</summary>
internal static class LogLines
{
    /// <summary>The mark at the end of a line that did not fit.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// Splits <paramref name="line"/> into rows of at most <paramref name="width"/> characters, breaking at
    /// spaces (a word longer than a row is split over rows: it goes on in the next). When more than
    /// <paramref name="maxRows"/> rows are needed, the last row ends with <see cref="Ellipsis"/> after the last
    /// word that fits: the text is never cut silently.
    /// </summary>
    public static IReadOnlyList<string> Fit(string line, int width, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        List<string> rows = Wrap(line.Replace('\t', ' '), width);
        if (rows.Count <= maxRows)
        {
            return rows;
        }

        // Room for the ellipsis on the last row kept: drop whole words from its end until it fits.
        string last = rows[maxRows - 1];
        while (last.Length + Ellipsis.Length > width)
        {
            int space = last.LastIndexOf(' ');
            last = space > 0 ? last[..space] : last[..(width - Ellipsis.Length)];
        }

        rows.RemoveRange(maxRows - 1, rows.Count - maxRows + 1);
        rows.Add(last.TrimEnd() + Ellipsis);
        return rows;
    }

    private static List<string> Wrap(string text, int width)
    {
        var rows = new List<string>();
        var row = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string rest = word;
            if (row.Length > 0 && row.Length + 1 + rest.Length > width)
            {
                rows.Add(row.ToString());
                row.Clear();
            }
            else if (row.Length > 0)
            {
                row.Append(' ');
            }

            while (rest.Length > width)
            {
                rows.Add(rest[..width]);
                rest = rest[width..];
            }

            row.Append(rest);
        }

        rows.Add(row.ToString());
        return rows;
    }
}
