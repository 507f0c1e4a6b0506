namespace MultiRate.Cli.CommandLine;

/// <summary>Which known names a mistyped one was probably meant to be: close in edit distance, or sharing its first letters.</summary>
internal static class TypoSuggestions
{
    private const int MaxSuggestions = 3;

    /// <summary>Up to three of <paramref name="known"/> nearest to <paramref name="typed"/>, nearest first; none when nothing is close.</summary>
    public static IReadOnlyList<string> Similar(string typed, IReadOnlyList<string> known)
    {
        string bare = typed.TrimStart('-');
        return known
            .Select(k => (Name: k, Distance: Distance(bare, k.TrimStart('-'))))
            .Where(k => k.Distance <= Math.Max(2, bare.Length / 3) || SharedPrefix(bare, k.Name.TrimStart('-')) >= 3)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(k => k.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute), ignoring case.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static int SharedPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && char.ToLowerInvariant(a[n]) == char.ToLowerInvariant(b[n]))
        {
            n++;
        }

        return n;
    }
}
