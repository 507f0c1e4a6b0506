using System.Text.Json.Nodes;
using MultiRate.Recording.Summaries;

namespace MultiRate.Cli.Tests.Suites;

/// <summary><c>multirate test SUITE</c> end to end: exit codes, the report, and the shipped suite (so <c>dotnet test</c> runs it in CI).</summary>
[Collection("cli")]
public sealed class TestCommandTests
{
    private static readonly JsonObject ReportSchema = Schema("test-report.schema.json");
    private static readonly JsonObject SummarySchema = Schema(RunSummaryJson.SchemaFileName);

    [Fact]
    public void Test_ShippedSuite_EveryCasePassesAndTheReportMatchesItsSchema()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("test", "tests/suites/shipped.yaml", "--json");

        Assert.True(code == 0, stdout + stderr);
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        Assert.Empty(JsonSchemaValidator.Errors(ReportSchema, report));
        Assert.Equal(6, (int)report["passed"]!);
        Assert.Equal(0, (int)report["failed"]!);
        foreach (JsonNode? c in report["cases"]!.AsArray())
        {
            Assert.Empty(JsonSchemaValidator.Errors(SummarySchema, c!["summary"]));
        }
    }

    [Fact]
    public void Test_FailedExpectation_ExitsOneAndSaysWhatWasGot()
    {
        string suite = SuiteFiles.Write("cases:\n" +
            SuiteFiles.Px4("strict", "    to: 2\n    expect: { ticks.head: \"== 499\", misses.head: \"== 0\", \"latent_age_ms.p99\": \"< 1\" }\n") +
            SuiteFiles.Imu("fine", "    to: 1\n    expect: { misses.head: \"== 0\" }\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json", "--jobs", "2");

        Assert.True(code == 1, stdout + stderr);
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal((1, 1), ((int)report["passed"]!, (int)report["failed"]!));
        JsonNode strict = report["cases"]![0]!;
        Assert.False((bool)strict["passed"]!);
        Assert.Equal(2, strict["failures"]!.AsArray().Count);
        Assert.Equal("ticks.head == 499: got 500", (string?)strict["failures"]![0]);
        Assert.StartsWith("latent_age_ms.p99 < 1: got ", (string?)strict["failures"]![1], StringComparison.Ordinal);
        Assert.Equal(500, (int)strict["summary"]!["ticks"]!["head"]!);
        Assert.True((bool)report["cases"]![1]!["passed"]!);
    }

    [Fact]
    public void Test_Table_ListsEveryCaseAndTheCounts()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("imu-1s", "    to: 1\n    expect: { ticks.head: \"== 100\" }\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("imu-1s", stdout, StringComparison.Ordinal);
        Assert.Contains("suite: 1 passed, 0 failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_BadSuite_ExitsTwoNamingFileLineAndKeyBeforeRunningAnything()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Px4("p", "    expect: { misses.haed: \"== 0\", mises.head: \"== 0\" }\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{suite}:6:", stderr, StringComparison.Ordinal);
        Assert.Contains("cases[0].expect.mises.head: expect 'mises.head': the summary has no key 'mises'; did you mean 'misses'?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnknownClockInAPath_ExitsTwoBeforeRunningNamingTheCaseAndKey()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("typo", "    to: 1\n    expect: { misses.haed: \"== 0\" }\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(
            $"{suite}: case 'typo': expect 'misses.haed': no clock 'haed' in the rate profile; did you mean 'head'? imu-100hz's clocks: ",
            stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnknownKeyOnlyTheRunKnows_ExitsTwoNamingTheCaseAndKey()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("typo", "    to: 1\n    expect: { guards.sensor_dropout: \"== 0\", ticks.head: \"== 100\" }\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.True(code == 2, stdout + stderr);
        JsonNode c = JsonNode.Parse(stdout)!["cases"]![0]!;
        Assert.Equal("typo", (string?)c["name"]);
        Assert.StartsWith("expect 'guards.sensor_dropout': guards has no key 'sensor_dropout'; did you mean 'sensor_dropouts'?", (string?)c["error"], StringComparison.Ordinal);
        Assert.Single(c["failures"]!.AsArray());
    }

    [Fact]
    public void Test_BadProfileInACase_ExitsTwoNamingTheCase()
    {
        string rates = CliRunner.TempFile("bad.yaml", "name: x\nbase_tick_us: 0\n");
        string suite = SuiteFiles.Write($"cases:\n  - name: broken\n    rates: {rates}\n    config: {SuiteFiles.Repo("configs", "imu-csv.yaml")}\n");

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("case 'broken': ", stderr.Replace("error: ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(rates, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_JUnitOverTheSuiteFile_RefusedBeforeRunning()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("i", "    to: 1\n"));
        string before = File.ReadAllText(suite);

        (int code, _, string stderr) = CliRunner.Run("test", suite, "--junit", suite);

        Assert.Equal(2, code);
        Assert.Contains("--junit", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(suite));
    }

    [Theory]
    [InlineData("--shard", "0/2", "--shard: expected I/N")]
    [InlineData("--jobs", "0", "--jobs")]
    public void Test_BadOption_ExitsTwo(string option, string value, string message)
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("i", "    to: 1\n"));

        (int code, _, string stderr) = CliRunner.Run("test", suite, option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_NoSuite_ExitsTwoSayingWhatIsMissing()
    {
        (int code, _, string stderr) = CliRunner.Run("test");

        Assert.Equal(2, code);
        Assert.Contains("missing suite path", stderr, StringComparison.Ordinal);
    }

    private static JsonObject Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "schemas", name)))!.AsObject();
}
