using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class TrainCommandTests
{
    /// <summary>A 6 s CSV log (y = 0.5 u + 0.4 w), a config and a 100 Hz / 10 Hz profile in a temp folder.</summary>
    internal static (string Log, string Config, string Rates, string Dir) Synthetic(string targets = "[\"/syn.y\"]")
    {
        var csv = new StringBuilder("time,u,w,y\n");
        for (int k = 0; k < 600; k++)
        {
            double t = k / 100.0;
            double u = Math.Sin(2 * Math.PI * 0.7 * t);
            double w = Math.Sin(2 * Math.PI * 0.11 * t);
            csv.Append(CultureInfo.InvariantCulture, $"{t:F2},{u:F6},{w:F6},{(0.5 * u) + (0.4 * w):F6}\n");
        }

        string log = CliRunner.TempFile("syn.csv", csv.ToString());
        string dir = Path.GetDirectoryName(log)!;
        string config = Path.Combine(dir, "config.yaml");
        File.WriteAllText(config, $$"""
            name: synthetic
            seed: 3
            inputs: { head: ["/syn.u"], context: ["/syn.w"] }
            targets: {{targets}}
            head: { hidden: [16] }
            context: { d_model: 8, heads: 2, feed_forward: 16, recursion: 2, history: 10, latent_dim: 4 }
            """);
        string rates = Path.Combine(dir, "rates.yaml");
        File.WriteAllText(rates, """
            name: synthetic-100hz
            base_tick_hz: 100
            modules: { context: { kind: context }, head: { kind: action_head } }
            clocks:
              context: { rate_hz: 10, budget_us: 80000, module: context, history: 10, latency_us: 50000 }
              head: { rate_hz: 100, budget_us: 5000, overrun: hold, module: head }
            handoffs: [ { from: context, to: head, mode: deterministic } ]
            latent: { age_limit_ms: 500, on_stale: degraded }
            action: { dimension: 1, safe: [0], min: [-2], max: [2] }
            """);
        return (log, config, rates, dir);
    }

    [Fact]
    public void Train_SyntheticLog_WritesWeightsMetadataAndEpochLines()
    {
        var (log, config, rates, dir) = Synthetic();
        string outDir = Path.Combine(dir, "w");

        var (code, output, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", outDir, "--epochs", "2", "--seed", "4");

        Assert.True(code == 0, err);
        Assert.Contains("epoch 1/2 (multirate): train loss", output, StringComparison.Ordinal);
        Assert.Contains("trained (multirate, seed 4)", output, StringComparison.Ordinal);
        Assert.Contains("/syn.y: validation MSE", output, StringComparison.Ordinal);
        JsonObject meta = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "training.json")))!.AsObject();
        Assert.Equal("multirate", (string)meta["mode"]!);
        Assert.Equal(4, (int)meta["seed"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)meta["config_sha256"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)meta["profile_sha256"]!);
        Assert.True(File.Exists(Path.Combine(outDir, "head.safetensors")));
    }

    [Fact]
    public void Train_Json_OneLineWithTheMetadata()
    {
        var (log, config, rates, dir) = Synthetic();

        var (code, output, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", Path.Combine(dir, "j"), "--epochs", "1", "--naive", "--json");

        Assert.True(code == 0, err);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        JsonObject meta = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("naive", (string)meta["mode"]!);
        Assert.Equal(1, (int)meta["epochs_run"]!);
        Assert.Single(meta["validation_estimate"]!["r2"]!.AsArray());
    }

    [Fact]
    public void Train_MissingTopic_Exit2ListingTheLogsTopics()
    {
        var (log, config, rates, dir) = Synthetic(targets: "[\"/actuator_controls_0/0.control[0]\"]");

        var (code, _, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", Path.Combine(dir, "x"));

        Assert.Equal(2, code);
        Assert.Contains("targets[0]", err, StringComparison.Ordinal);
        Assert.Contains("the log's topics are: syn", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MissingField_Exit2ListingTheTopicsFields()
    {
        var (log, config, rates, dir) = Synthetic(targets: "[\"/syn.thrust\"]");

        var (code, _, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", Path.Combine(dir, "x"));

        Assert.Equal(2, code);
        Assert.Contains("no field 'thrust'", err, StringComparison.Ordinal);
        Assert.Contains("available: ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--naive", "--no-context")]
    [InlineData("--epochs", "0")]
    [InlineData("--val-from", "3")]
    public void Train_BadOptions_Exit2(string option, string value)
    {
        var (log, config, rates, dir) = Synthetic();

        var (code, _, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", Path.Combine(dir, "x"), option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("multirate train", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoOut_Exit2NamingTheOption()
    {
        var (code, _, err) = CliRunner.Run("train", "--log", "x.ulg", "--config", "c.yaml", "--rates", "r.yaml");

        Assert.Equal(2, code);
        Assert.Contains("missing --out", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OutUnderARegularFile_Exit2BeforeTraining()
    {
        var (log, config, rates, dir) = Synthetic();
        string blocker = Path.Combine(dir, "not-a-directory");
        File.WriteAllText(blocker, "x");

        var (code, output, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", Path.Combine(blocker, "w"), "--epochs", "50");

        Assert.Equal(2, code);
        Assert.Contains("--out", err, StringComparison.Ordinal);
        Assert.Contains(blocker, err, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AnOutputIsALinkToTheLog_Exit2BeforeTrainingAndTheLogIsIntact()
    {
        var (log, config, rates, dir) = Synthetic();
        byte[] before = File.ReadAllBytes(log);
        string outDir = Path.Combine(dir, "w");
        Directory.CreateDirectory(outDir);
        File.CreateSymbolicLink(Path.Combine(outDir, "training.json"), log);

        var (code, output, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", outDir, "--epochs", "50");

        Assert.Equal(2, code);
        Assert.Contains("is the same file as the input", err, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(log));
    }

    [Fact]
    public void Train_Succeeds_FilesInPlaceAndNoStagingOrLockLeft()
    {
        var (log, config, rates, dir) = Synthetic();
        string outDir = Path.Combine(dir, "w");

        var (code, _, err) = CliRunner.Run("train", "--log", log, "--config", config, "--rates", rates, "--out", outDir, "--epochs", "1");

        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(outDir, "head.safetensors")));
        Assert.True(File.Exists(Path.Combine(outDir, "training.json")));
        Assert.False(Directory.Exists(Path.Combine(outDir, ".training.partial")));
        Assert.Empty(Directory.GetFiles(outDir, "*.lock"));
    }
}
