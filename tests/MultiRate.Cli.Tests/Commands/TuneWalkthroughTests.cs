using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>
/// The tuning guide's command, checked on behaviour rather than timing: how many ticks miss depends on
/// the machine's load, but whether tune writes must follow from the confirmation it reports.
/// </summary>
[Collection("cli")]
public class TuneWalkthroughTests
{
    [Fact]
    public void Tune_GuideCommand_WritesExactlyWhenEveryClockMetTheTolerance()
    {
        string profile = CliRunner.TempFile("imu-100hz.yaml", File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "rates/imu-100hz.yaml")));
        string tuned = Path.Combine(Path.GetDirectoryName(profile)!, "imu-100hz.tuned.yaml");

        var (code, output, err) = CliRunner.Run(
            "tune", profile, "--config", "configs/imu-csv.yaml", "--warmup", "50", "--samples", "300", "--quantile", "100", "--margin", "2",
            "--lower-rates", "--fifo-priority", "80", "--confirm-seconds", "2", "--write", "--json");

        if (code == 2)
        {
            // Load so heavy that even 1 Hz cannot hold twice the slowest response: refused before confirming.
            Assert.Contains("does not validate", err);
            Assert.False(File.Exists(tuned));
            return;
        }

        JsonObject json = JsonNode.Parse(output)!.AsObject();
        JsonObject schema = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs/schemas/tune.schema.json")))!.AsObject();
        Assert.Empty(JsonSchemaValidator.Errors(schema, json));
        bool accepted = json["accepted"]!.GetValue<bool>();
        JsonArray clocks = json["clocks"]!.AsArray();
        Assert.Equal(["context", "head"], clocks.Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(clocks, c => Assert.Equal(0.01, c!["tolerance"]!.GetValue<double>()));
        bool within = clocks.All(c => c!["confirm"]!["miss_rate"]!.GetValue<double>() <= c["tolerance"]!.GetValue<double>());
        Assert.Equal(within, accepted);
        Assert.Equal(accepted ? 0 : 1, code);
        Assert.Equal(accepted, json["written"]!.GetValue<bool>());
        Assert.Equal(accepted, File.Exists(tuned));
        Assert.All(clocks, c => Assert.True(c!["confirm"]!["ticks"]!.GetValue<long>() > 0, c.ToJsonString()));
        if (!accepted)
        {
            Assert.Contains("missed more than the tolerance", err);
        }
    }
}
