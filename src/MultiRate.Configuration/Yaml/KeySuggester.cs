namespace MultiRate.Configuration.Yaml;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints.</summary>
public static class KeySuggester
{
    /// <summary>The closest candidate within a typo-sized edit distance, or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int d = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        // Allow about one edit per three characters (at least two) so "budet_us" finds
        // "budget_us" but "foo" does not "find" an unrelated key.
        int allowed = Math.Max(2, typed.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// Formats the tail of an error: "; did you mean 'x'? valid keys: a, b" or, with no close
    /// match, "; valid keys: a, b".
    /// </summary>
    /// <param name="typed">What the user wrote.</param>
    /// <param name="candidates">The valid names.</param>
    /// <param name="choices">How to list the valid names, e.g. "valid keys: a, b".</param>
    public static string Hint(string typed, IReadOnlyCollection<string> candidates, string choices)
    {
        string? closest = Closest(typed, candidates);
        return closest is null ? $"; {choices}" : $"; did you mean '{closest}'? {choices}";
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }
}
