namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>docs/cli.md lists exactly the command tree's commands and options.</summary>
public class CliReferenceTests
{
    [Fact]
    public void CliMd_CommandsSection_MatchesTheCommandTree()
    {
        string path = Path.Combine(CliRunner.RepoRoot, "docs", "cli.md");
        string document = File.ReadAllText(path).ReplaceLineEndings("\n");
        string expected = CliReference.Splice(document, CliReference.Generate(CommandTreeWalk.Root()));
        if (expected != document && Environment.GetEnvironmentVariable("MULTIRATE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(
            expected == document,
            "docs/cli.md is out of date with the command tree; regenerate it with: MULTIRATE_UPDATE_DOCS=1 dotnet test tests/MultiRate.Cli.Tests --filter CliReferenceTests");
    }

    [Fact]
    public void CliMd_EveryCommand_HasItsSection()
    {
        string document = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "cli.md"));
        foreach ((string[] path, _) in CommandTreeWalk.Commands())
        {
            Assert.Contains($"### `multirate {string.Join(' ', path)}`", document, StringComparison.Ordinal);
        }
    }
}
