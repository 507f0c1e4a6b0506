using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Adversarial;

/// <summary>
/// Runs every case of the checked-in adversarial corpus through the CLI entry point: each must end
/// with its expected exit code and message, and nothing may print a stack trace.
/// </summary>
[Collection("cli")]
public sealed class AdversarialCorpusTests
{
    public static TheoryData<int, string> CaseIndexes()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < AdversarialCorpus.Cases.Count; i++)
        {
            JsonObject c = AdversarialCorpus.Cases[i];
            data.Add(i, $"{c["class"]}: {string.Join(' ', c["args"]!.AsArray().Select(a => (string)a!))}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Run_AdversarialCase_ExitsAsExpectedWithMessageAndNoStackTrace(int index, string description)
    {
        JsonObject c = AdversarialCorpus.Cases[index];
        string[] args = AdversarialCorpus.Args(c);
        int expected = (int)c["exit"]!;
        string message = (string)c["message"]!;

        var (code, output, err) = CliRunner.Run(args);

        string all = output + err;
        Assert.True(code == expected, $"{description}: exit {code}, expected {expected}\n{all}");
        Assert.True(
            (expected == 0 ? output : err).Contains(message, StringComparison.Ordinal),
            $"{description}: expected '{message}' in:\n{all}");
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        if (expected == 0 && c["class"]?.GetValue<string>() == "json-nan")
        {
            // Every line must parse as standard JSON.
            Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonNode.Parse(line));
        }
    }

    [Fact]
    public void Corpus_EveryClassHasSeveralMembers()
    {
        var byClass = AdversarialCorpus.Cases.GroupBy(c => (string)c["class"]!).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(byClass, kv => Assert.True(kv.Value >= 2, $"class {kv.Key} has {kv.Value} case(s)"));
    }

    [Fact]
    public void Figures_TotalRowOfTheReliabilityPage_CountsEveryCase()
    {
        // The figures table is written by hand; this keeps its total honest when cases are added.
        string page = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "reliability-inputs.md"));
        string total = page.Split('\n').Single(l => l.StartsWith("| **total** |", StringComparison.Ordinal));
        string[] cells = total.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string n = AdversarialCorpus.Cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal($"**{n}**", cells[1]);
        Assert.Equal($"**{n}**", cells[2]);
        int rows = page.Split('\n')
            .SkipWhile(l => !l.StartsWith("| class | corpus inputs", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => !l.StartsWith("| **total**", StringComparison.Ordinal))
            .Sum(l => int.Parse(l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AdversarialCorpus.Cases.Count, rows);
    }
}
