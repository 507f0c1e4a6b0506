namespace MultiRate.Cli.Tests.Docs;

/// <summary>The doc test fails on a broken doc: blocks with a wrong path, a wrong exit code or wrong output.</summary>
[Collection("docs")]
[Trait("Category", "Docs")]
public class DocBlockRunnerTests
{
    [Fact]
    public void Run_TuneWithoutTheRatesFolder_FailsWithTheExitCodeAndTheMessage()
    {
        // The tuning walkthrough as it once read: the profile path lacks rates/, so tune exits 2.
        DocBlock block = Single("""
            ```console
            $ multirate tune franka-1khz.yaml --from docs/guides/franka-bench.json --write
            wrote franka-1khz.tuned.yaml: ...
            ```
            """);

        string? failure = DocBlockRunner.Run(block, CliRunner.RepoRoot, RunnableDocs.CliAssembly);

        Assert.NotNull(failure);
        Assert.Contains("broken.md:2: $ multirate tune franka-1khz.yaml", failure);
        Assert.Contains("exited 2, the doc says 0", failure);
        Assert.Contains("rate profile 'franka-1khz.yaml' not found", failure);
    }

    [Fact]
    public void Run_OutputThatDrifted_FailsNamingTheExpectedLine()
    {
        DocBlock block = Single("""
            ```console
            $ multirate validate rates/franka-1khz.yaml
            rates/franka-1khz.yaml: valid rate profile 'franka-1khz': base tick 500 Hz, ...
            ```
            """);

        string? failure = DocBlockRunner.Run(block, CliRunner.RepoRoot, RunnableDocs.CliAssembly);

        Assert.NotNull(failure);
        Assert.Contains("expected line not printed", failure);
        Assert.Contains("base tick 500 Hz", failure);
    }

    [Fact]
    public void Run_ExitCodeTheDocDoesNotExpect_Fails()
    {
        DocBlock block = Single("""
            ```console
            $ multirate validate rates/franka-1khz.yaml  # exit 2
            ```
            """);

        string? failure = DocBlockRunner.Run(block, CliRunner.RepoRoot, RunnableDocs.CliAssembly);

        Assert.NotNull(failure);
        Assert.Contains("exited 0, the doc says 2", failure);
    }

    [Fact]
    public void Run_ABlockThatWrites_PassesAndWritesIntoTheWorkspaceOnly()
    {
        // The recording lands in the block's own directory; the copied profile is read from there too.
        DocBlock block = Single("""
            ```console
            $ multirate run --rates rates/franka-1khz.yaml --seconds 0.2 --no-watch --no-dashboard --record franka-run.mcap
            franka-1khz (realtime): ... s on the run's clock in ... s wall
            $ multirate validate rates/franka-1khz.yaml
            rates/franka-1khz.yaml: valid rate profile 'franka-1khz': ...
            ```
            """);

        string? failure = DocBlockRunner.Run(block, CliRunner.RepoRoot, RunnableDocs.CliAssembly);

        Assert.True(failure is null, failure);
        Assert.False(File.Exists(Path.Combine(CliRunner.RepoRoot, "franka-run.mcap")));
        Assert.True(File.Exists(Path.Combine(CliRunner.RepoRoot, "tests", "data", "px4-ulog-pyulog", "sample.ulg")));
    }

    private static DocBlock Single(string markdown) => Assert.Single(DocBlockParser.Parse("broken.md", markdown));
}
