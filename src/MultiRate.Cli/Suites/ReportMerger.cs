using System.Globalization;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.Suites;

/// <summary>
/// Joins shard reports into the report an unsharded run of the same suite gives: the cases back in suite
/// order. Refuses shards of different suites, a shard given twice, a missing shard, or a case twice.
/// </summary>
internal static class ReportMerger
{
    /// <exception cref="UserInputException">The reports do not make one whole suite (the message names the file).</exception>
    public static SuiteReport Merge(IReadOnlyList<(string Path, SuiteReport Report)> shards)
    {
        (string firstPath, SuiteReport first) = shards[0];
        var seenShards = new Dictionary<int, string>();
        var seenCases = new Dictionary<int, string>();
        var cases = new List<CaseResult>();
        int count = first.Shard?.Count ?? 1;
        foreach ((string path, SuiteReport r) in shards)
        {
            if (r.Suite != first.Suite || r.CasesInSuite != first.CasesInSuite)
            {
                throw new UserInputException(Inv($"{path}: suite '{r.Suite}' with {r.CasesInSuite} cases, but {firstPath} is suite '{first.Suite}' with {first.CasesInSuite}: merge shards of one suite"));
            }

            if ((r.Shard?.Count ?? 1) != count)
            {
                throw new UserInputException(Inv($"{path}: shard {r.Shard?.ToString() ?? "(whole suite)"}, but {firstPath} is one of {count}: merge shards of one split"));
            }

            int index = r.Shard?.Index ?? 1;
            if (!seenShards.TryAdd(index, path))
            {
                throw new UserInputException(Inv($"{path}: shard {index}/{count} is also in {seenShards[index]}"));
            }

            foreach (CaseResult c in r.Cases)
            {
                if (c.Index >= r.CasesInSuite || !(r.Shard ?? Shard.All).Holds(c.Index) || !seenCases.TryAdd(c.Index, path))
                {
                    throw new UserInputException(Inv($"{path}: case '{c.Name}' (index {c.Index}) does not belong to shard {index}/{count} or is listed twice"));
                }

                cases.Add(c);
            }
        }

        int[] missing = [.. Enumerable.Range(1, count).Where(i => !seenShards.ContainsKey(i))];
        if (missing.Length > 0)
        {
            throw new UserInputException(Inv($"missing shard{(missing.Length == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(i => Inv($"{i}/{count}")))} of suite '{first.Suite}'"));
        }

        return new SuiteReport
        {
            Suite = first.Suite,
            CasesInSuite = first.CasesInSuite,
            Shard = null,
            Cases = [.. cases.OrderBy(c => c.Index)],
        };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
