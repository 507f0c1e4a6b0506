using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class EvaluateCommandTests
{
    [Fact]
    public void ReplayTargets_TrainedWeights_ReportsMseAndR2OnTheValidationRange()
    {
        var (log, config, rates, dir) = TrainCommandTests.Synthetic();
        string outDir = Path.Combine(dir, "w");
        Assert.Equal(0, CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", outDir, "--epochs", "2", "--val-from", "2", "--val-to", "4").Code);

        var (code, output, err) = CliRunner.Run("replay", "--log", log, "--weights", outDir, "--targets", "--json");

        Assert.True(code == 0, err);
        JsonObject r = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("multirate", (string)r["mode"]!);
        Assert.Equal(2.0, (double)r["validation_start_s"]!);
        Assert.Equal(4.0, (double)r["validation_end_s"]!);
        Assert.Equal(200, (int)r["samples"]!);
        Assert.Single(r["r2"]!.AsArray());
        Assert.Single(r["mse"]!.AsArray());
    }

    [Fact]
    public void ReplayTargets_Table_ShowsEveryTargetAndTheMean()
    {
        var (log, config, rates, dir) = TrainCommandTests.Synthetic();
        string outDir = Path.Combine(dir, "w");
        Assert.Equal(0, CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", outDir, "--epochs", "1", "--no-context").Code);

        var (code, output, err) = CliRunner.Run("replay", "--weights", outDir, "--targets");

        Assert.True(code == 0, err);
        Assert.Contains("no-context weights", output, StringComparison.Ordinal);
        Assert.Contains("/syn.y", output, StringComparison.Ordinal);
        Assert.Contains("mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayTargets_DirectoryWithoutMetadata_Exit2()
    {
        string dir = Path.GetDirectoryName(CliRunner.TempFile("empty.txt", string.Empty))!;

        var (code, _, err) = CliRunner.Run("replay", "--weights", dir, "--targets");

        Assert.Equal(2, code);
        Assert.Contains("no training.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayTargets_NoWeights_Exit2()
    {
        var (code, _, err) = CliRunner.Run("replay", "--targets");

        Assert.Equal(2, code);
        Assert.Contains("missing --weights", err, StringComparison.Ordinal);
    }
}
