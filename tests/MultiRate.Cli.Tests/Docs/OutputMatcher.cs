using System.Text.RegularExpressions;

namespace MultiRate.Cli.Tests.Docs;

/// <summary>
/// Compares what a doc shows under a command with what the command printed. Each shown line must
/// match one printed line, in the order shown; printed lines the doc leaves out are allowed, so a doc
/// shows only the key lines. Runs of whitespace compare as one space (tables stay readable in the doc
/// whatever the column widths), and <c>...</c> stands for any text, so a doc writes
/// <c>sha256 ...</c> or <c>p50 ... us</c> where a value depends on the machine. Everything else,
/// numbers included, must match exactly: a line whose numbers vary belongs in a <c>text</c> block,
/// or gets <c>...</c> where they vary.
/// </summary>
internal static partial class OutputMatcher
{
    public const string Wildcard = "...";

    /// <summary>Returns null when every expected line was found in order, else what was not found and where the search stood.</summary>
    public static string? Mismatch(IReadOnlyList<string> expected, string actualOutput)
    {
        string[] actual = actualOutput.ReplaceLineEndings("\n").Split('\n')
            .Select(Normalize)
            .Where(l => l.Length > 0)
            .ToArray();
        int next = 0;
        foreach (string shown in expected)
        {
            string normal = Normalize(shown);
            if (normal == Wildcard)
            {
                continue;
            }

            Regex pattern = ToPattern(normal);
            int found = Array.FindIndex(actual, next, pattern.IsMatch);
            if (found < 0)
            {
                string after = next == 0 ? "anywhere in the output" : $"after the line '{actual[next - 1]}'";
                return $"expected line not printed {after}:{Environment.NewLine}  {shown}";
            }

            next = found + 1;
        }

        return null;
    }

    public static string Normalize(string line) => Whitespace().Replace(line.Trim(), " ");

    private static Regex ToPattern(string normalized)
    {
        // " ... " between words may stand for nothing at all: "fault ... window" matches "fault window".
        string body = string.Join(".*", normalized.Split(Wildcard).Select(Regex.Escape)).Replace(@"\ .*\ ", "(?: | .* )", StringComparison.Ordinal);
        return new Regex("^" + body + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
