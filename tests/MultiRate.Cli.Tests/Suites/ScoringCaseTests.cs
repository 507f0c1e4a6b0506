using System.Text.Json.Nodes;
using MultiRate.Cli.Tests.Commands;

namespace MultiRate.Cli.Tests.Suites;

/// <summary>A <c>targets: true</c> case scores trained weights as <c>replay --weights DIR --targets --json</c> does.</summary>
[Collection("cli")]
public sealed class ScoringCaseTests
{
    [Fact]
    public void Test_TargetsCase_SummaryIsTheScoringReportAndExpectationsApplyToIt()
    {
        var (log, config, rates, dir) = TrainCommandTests.Synthetic();
        string weights = Path.Combine(dir, "w");
        Assert.Equal(0, CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", weights, "--epochs", "1", "--val-from", "2", "--val-to", "4").Code);
        (int directCode, string direct, string directErr) = CliRunner.Run("replay", "--log", log, "--config", config, "--rates", rates, "--weights", weights, "--targets", "--json");
        Assert.True(directCode == 0, directErr);
        string suite = SuiteFiles.Write(
            $"cases:\n  - name: scores\n    log: {log}\n    rates: {rates}\n    config: {config}\n    weights: {weights}\n    targets: true\n" +
            "    expect: { samples: \"== 200\", \"mse[0]\": \">= 0\", mean_r2: \"> 2\" }\n");

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.True(code == 1, stdout + stderr);
        JsonNode c = JsonNode.Parse(stdout)!["cases"]![0]!;
        Assert.Equal(JsonNode.Parse(direct)!.ToJsonString(), c["summary"]!.ToJsonString());
        string failure = Assert.Single(c["failures"]!.AsArray().Select(f => (string)f!));
        Assert.StartsWith("mean_r2 > 2: got ", failure, StringComparison.Ordinal);
    }
}
