using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class BenchAllTests
{
    [Fact]
    public void BenchAll_QuickWithOut_WritesOneFileWithEveryFigure()
    {
        string path = CliRunner.TempFile("bench.json", "");
        var (code, output, err) = CliRunner.Run("bench", "all", "--quick", "--seconds", "0.5", "--json", "--out", path);
        Assert.True(code == 0, err);

        JsonObject written = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        JsonObject printed = JsonNode.Parse(output)!.AsObject();
        foreach (string part in new[] { "overhead", "wakeup", "replay", "scheduler", "models", "machine" })
        {
            Assert.True(written.ContainsKey(part), part);
        }

        Assert.NotNull(written["overhead"]!["ratio"]);
        Assert.NotNull(written["wakeup"]!["p99_ratio"]);
        Assert.True((bool)written["replay"]!["actions_identical"]!);
        Assert.NotNull(written["scheduler"]!["runtime"]!["p99_us"]);
        Assert.NotNull(written["models"]!["dense_vs_multirate"]);
        Assert.Equal((string)written["replay"]!["actions_sha256"]!, (string)printed["replay"]!["actions_sha256"]!);
        Output.OutputSchemas.AssertConforms("bench-all", written);
        foreach ((string part, string schema) in new[] { ("overhead", "bench-overhead"), ("wakeup", "bench-wakeup"), ("replay", "bench-replay"), ("scheduler", "bench-scheduler") })
        {
            Output.OutputSchemas.AssertConforms(schema, written[part]);
        }
    }

    [Fact]
    public void BenchAll_OutFolderMissing_ExitCode2BeforeMeasuring()
    {
        var (code, _, err) = CliRunner.Run("bench", "all", "--out", "/nonexistent-folder-xyz/bench.json");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent-folder-xyz", err);
    }
}
