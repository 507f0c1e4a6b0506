using MultiRate.Cli.Suites;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.Tests.Suites;

public sealed class SuiteLoaderTests
{
    /// <summary>A suite file in tests/suites: its relative paths resolve against that folder.</summary>
    private static readonly string SuitePath = Path.Combine(CliRunner.RepoRoot, "tests", "suites", "loader-test.yaml");

    private const string Case = """
          - name: px4
            log: ../data/px4-ulog-pyulog/sample.ulg
            rates: ../../rates/px4-attitude-250hz.yaml
            config: ../../configs/px4-attitude.yaml
        """;

    [Fact]
    public void Parse_ValidSuite_ResolvesPathsAgainstTheSuitesFolder()
    {
        Suite suite = SuiteLoader.Parse(
            "cases:\n" + Case + "\n    from: 1.5\n    to: 4\n    expect: { misses.head: \"== 0\", \"latent_age_ms.p99\": \"< 250\" }\n" +
            "    actions_match: { recording: golden/imu-first-5s.mcap, tolerance: 1e-6 }\n",
            SuitePath);

        SuiteCase c = Assert.Single(suite.Cases);
        Assert.Equal("loader-test", suite.Name);
        Assert.Equal(Path.Combine(CliRunner.RepoRoot, "rates", "px4-attitude-250hz.yaml"), c.Rates);
        Assert.Equal(Path.Combine(CliRunner.RepoRoot, "tests", "data", "px4-ulog-pyulog", "sample.ulg"), c.Log);
        Assert.Equal((1.5, 4.0), (c.FromS!.Value, c.ToS!.Value));
        Assert.Equal(["misses.head == 0", "latent_age_ms.p99 < 250"], c.Expect.Select(e => e.Text));
        Assert.Equal(new ActionsMatch(Path.Combine(CliRunner.RepoRoot, "tests", "suites", "golden", "imu-first-5s.mcap"), 1e-6), c.ActionsMatch);
    }

    [Theory]
    [InlineData("    expect: { mises.head: \"== 0\" }\n", ":6:27: cases[0].expect.mises.head", "the summary has no key 'mises'; did you mean 'misses'?")]
    [InlineData("    expect: { misses.head: \"=! 0\" }\n", ":6:28: cases[0].expect.misses.head", "is not a comparison")]
    [InlineData("    expect: { misses.head: \">= x\" }\n", ":6:28: cases[0].expect.misses.head", "the value 'x' is not a finite number")]
    [InlineData("    expct: { misses.head: \"== 0\" }\n", ":6:5: cases[0].expct", "unknown key 'expct'; did you mean 'expect'?")]
    [InlineData("    from: 5\n    to: 2\n", "cases[0].to", "to must be after from")]
    [InlineData("    from: -1\n", "cases[0].from", "from must be 0 or more seconds")]
    [InlineData("    weights: ../../configs\n", "cases[0].weights", "weights applies with targets: true only")]
    [InlineData("    actions_match: { recording: nowhere.mcap }\n", "cases[0].actions_match.recording", "no file 'nowhere.mcap'")]
    public void Parse_BadCase_NamesFileLineAndKey(string extra, string where, string message)
    {
        var ex = Assert.Throws<ValidationException>(() => SuiteLoader.Parse("cases:\n" + Case + "\n" + extra, SuitePath));

        string error = Assert.Single(ex.Errors).ToString();
        Assert.Contains(SuitePath, error, StringComparison.Ordinal);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneTogether()
    {
        string text = "cases:\n" + Case + "\n    expect: { mises.head: \"== 0\" }\n" +
            "  - name: px4\n    log: missing.ulg\n    rates: ../../rates/px4-attitude-250hz.yaml\n    config: ../../configs/px4-attitude.yaml\n" +
            "  - name: x\n";

        var ex = Assert.Throws<ValidationException>(() => SuiteLoader.Parse(text, SuitePath));

        Assert.Equal(5, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Message.Contains("'px4' is already used by cases[0]", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("no file 'missing.ulg'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("missing required key 'rates'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("missing required key 'config'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cases: []\n")]
    [InlineData("cases: {}\n")]
    [InlineData("cases:\n  - [\n")]
    public void Parse_NoCases_Refuses(string text) =>
        Assert.Throws<ValidationException>(() => SuiteLoader.Parse(text, SuitePath));
}
