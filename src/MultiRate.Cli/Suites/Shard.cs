using System.Globalization;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.Suites;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a suite: shard I of N (1-based, as CI matrices and
/// Jest/Playwright count) runs the cases whose 0-based index in the suite file is I-1 modulo N.
/// </summary>
/// <remarks>
/// By index, not by name hash: shards stay balanced for any suite size (they differ by one case at most), and
/// the split is plain to read from the file. Adding a case in the middle moves later cases to other shards,
/// which only matters for caches keyed by shard.
/// </remarks>
/// <param name="Index">This shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the suite is split into.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The whole suite (shard 1 of 1).</summary>
    public static readonly Shard All = new(1, 1);

    /// <summary>Whether the case at <paramref name="caseIndex"/> (0-based) belongs to this shard.</summary>
    public bool Holds(int caseIndex) => caseIndex % Count == Index - 1;

    /// <summary>Parses <c>I/N</c> with 1 &lt;= I &lt;= N.</summary>
    /// <exception cref="UserInputException">Not of that form.</exception>
    public static Shard Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) &&
            count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new UserInputException($"--shard: expected I/N with 1 <= I <= N (e.g. 2/4: the second of four shards), got '{text}'");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
