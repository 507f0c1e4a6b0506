namespace MultiRate.Cli.Tests.Docs;

/// <summary>The README stays a page a newcomer reads: the two set-up commands first, and short.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "README.md"));

    [Fact]
    public void Readme_Top_IsTheTitleThenTheTwoSetUpCommandsInOneBlock()
    {
        string[] lines = Readme.ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(
            ["# MultiRate", "", "```bash", "dotnet run --project src/MultiRate.Cli -- run", "dotnet test MultiRate.sln", "```"],
            lines.Take(6));
    }

    [Fact]
    public void Readme_Length_IsUnder12000Characters()
    {
        Assert.True(Readme.Length < 12_000, $"README.md has {Readme.Length} characters; move detail into docs/");
    }
}
