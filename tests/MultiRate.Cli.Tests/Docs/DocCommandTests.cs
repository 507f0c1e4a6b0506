namespace MultiRate.Cli.Tests.Docs;

// Docs that cannot rot: every command the README and docs/guides/ show in a ```console block is run
// here as written, against the CLI built with these tests, and fails the build when it stops working.
//
// The convention (also in docs/guides/README.md):
// - A runnable block has the info string `console`. A line starting with "$ " is a command; a
//   trailing "\" continues it on the next line. Other non-empty lines are output the command must
//   print, in that order (lines it prints and the doc leaves out are fine; runs of spaces compare as
//   one; "..." matches any text). The command must exit 0, or N when its line ends with "# exit N".
// - Each block runs in a fresh temporary directory holding copies of rates/ and configs/, links to
//   tests/data/ and docs/, and nothing else: commands use paths relative to the repository root and
//   write their outputs (recordings, tuned profiles, trained weights) into that directory.
// - `multirate` (and `dotnet run --project src/MultiRate.Cli --`) runs `dotnet multirate.dll` from
//   this test's output folder, so nothing is rebuilt. The commands of one block share the directory
//   (record, then inspect the recording); blocks don't share anything.
// - Blocks that show sample output with machine-dependent numbers, YAML or C# use `text`, `yaml`,
//   `csharp` and are not run. Keep runnable blocks short: all of them together run in about a minute.

/// <summary>Runs every runnable block of the README and the guides as written.</summary>
[Collection("docs")]
[Trait("Category", "Docs")]
public class DocCommandTests
{
    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (DocBlock block in RunnableDocs.Blocks(CliRunner.RepoRoot))
        {
            data.Add(block.Document, block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_RunAsWritten_ExitsAndPrintsWhatTheDocShows(string document, int line)
    {
        DocBlock block = DocBlockParser.Parse(document, File.ReadAllText(Path.Combine(CliRunner.RepoRoot, document)))
            .Single(b => b.Line == line);

        string? failure = DocBlockRunner.Run(block, CliRunner.RepoRoot, RunnableDocs.CliAssembly);

        Assert.True(failure is null, failure);
    }

    [Fact]
    public void Guides_EachWalkthrough_HasARunnableBlock()
    {
        string[] walkthroughs = ["docs/guides/rate-profiles.md", "docs/guides/replay-in-ci.md", "docs/guides/tuning-budgets.md", "docs/guides/training.md"];

        var documents = RunnableDocs.Blocks(CliRunner.RepoRoot).Select(b => b.Document).ToHashSet();

        Assert.All(walkthroughs, w => Assert.Contains(w, documents));
    }
}

/// <summary>The doc commands spawn real-time runs: run them alone, not beside other tests.</summary>
[CollectionDefinition("docs", DisableParallelization = true)]
public sealed class DocsCollection
{
}
