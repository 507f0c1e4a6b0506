using MultiRate.Configuration.Yaml;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Which known name a mistyped command or option was probably meant to be: the nearest within a typo's edit
/// distance (the same rule as the configuration's "did you mean"), else those sharing its first three letters
/// (<c>--secs</c> is a shortening of <c>--seconds</c>, too far in edits).
/// </summary>
internal static class TypoSuggestions
{
    private const int MaxSuggestions = 3;
    private const int MinSharedPrefix = 3;

    /// <summary>The names of <paramref name="known"/> to suggest for <paramref name="typed"/>; none when nothing is close.</summary>
    public static IReadOnlyList<string> Similar(string typed, IReadOnlyList<string> known)
    {
        string bare = typed.TrimStart('-');
        string? closest = KeySuggester.Closest(bare, known.Select(k => k.TrimStart('-')));
        if (closest is not null)
        {
            return [known.First(k => k.TrimStart('-') == closest)];
        }

        return known
            .Where(k => SharedPrefix(bare, k.TrimStart('-')) >= MinSharedPrefix)
            .Take(MaxSuggestions)
            .ToList();
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
