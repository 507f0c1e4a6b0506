using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Cli.Suites;

/// <summary>
/// Checks, once a case's profile is loaded and before anything runs, the clock names in expectations on the
/// per-clock counts (<c>ticks</c>, <c>misses</c>, <c>skipped_periods</c>): the schema leaves those keys open,
/// but the profile knows them.
/// </summary>
internal static class ClockKeys
{
    private static readonly HashSet<string> PerClock = new(StringComparer.Ordinal) { "ticks", "misses", "skipped_periods" };

    /// <summary>One message per expectation of <paramref name="c"/> naming a clock <paramref name="profile"/> does not have.</summary>
    public static IEnumerable<string> Problems(SuiteCase c, RateProfile profile)
    {
        string[] clocks = [.. profile.Clocks.Select(k => k.Name)];
        foreach (Expectation e in c.Expect)
        {
            if (e.Path.Segments is [string counts, string clock, ..] && PerClock.Contains(counts) && !clocks.Contains(clock, StringComparer.Ordinal))
            {
                string hint = KeySuggester.Hint(clock, clocks, $"{profile.Name}'s clocks: {string.Join(", ", clocks)}");
                yield return $"case '{c.Name}': expect '{e.Path.Text}': no clock '{clock}' in the rate profile{hint}";
            }
        }
    }
}
