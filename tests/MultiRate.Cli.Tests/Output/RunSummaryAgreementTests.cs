using System.Text.Json.Nodes;
using MultiRate.Cli.Reporting;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Recording;
using MultiRate.Recording.Summaries;

namespace MultiRate.Cli.Tests.Output;

/// <summary>
/// One replay with <c>--record</c> and <c>--json</c>: the summary printed, the summary recorded, the
/// golden-file form and what <c>report</c> reads are the same figures, field by field.
/// </summary>
[Collection("cli")]
public sealed class RunSummaryAgreementTests
{
    private const string Rates = "rates/px4-attitude-250hz.yaml";
    private const string Config = "configs/px4-attitude.yaml";
    private const string Log = "tests/data/px4-ulog-pyulog/sample.ulg";

    [Fact]
    public void Replay_RecordAndJson_SummaryAgreesInJsonRecordingGoldenAndReport()
    {
        string recording = Path.Combine(Scratch(), "run.mcap");
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--rates", Rates, "--config", Config, "--log", Log, "--record", recording, "--json");
        Assert.True(code == 0, stderr);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();

        // The recording's /multirate/summary is the very object --json printed (wall_s included: one run, one summary).
        using (ISensorLog log = SensorLogs.Open(recording))
        {
            JsonObject recorded = log.ReadMessages([RecordingTopics.Summary]).Single().Data;
            AssertSame(json, recorded, "recorded /multirate/summary");
        }

        // report reads that same object, and what it counts from the messages agrees with it.
        RecordingData report = RecordingLoader.Load(recording);
        AssertSame(json, report.Summary!, "report's summary");
        foreach ((string kind, long count) in report.ActionsByKind)
        {
            Assert.Equal((long)json["actions_by_kind"]![kind]!, count);
        }

        Assert.Equal((long)json["actions"]!, report.Actions);
        foreach (LatentSeries latents in report.Latents)
        {
            Assert.Equal((long)json["latents_published"]![latents.Clock]!, latents.Versions.Count);
        }

        // The golden form: every field it keeps equals --json's; every field it drops is a declared omission.
        JsonObject golden = GoldenSummary.From(json, Rates, Config, Log);
        foreach ((string name, JsonNode? value) in golden)
        {
            switch (name)
            {
                case "inputs":
                    break;
                case "guards":
                    Assert.All(value!.AsObject(), g => Assert.Equal((long)json["guards"]![g.Key]!, (long)g.Value!));
                    Assert.All(json["guards"]!.AsObject().Where(g => !value.AsObject().ContainsKey(g.Key)), g => Assert.Equal(0, (long)g.Value!));
                    break;
                case "ledger":
                    Assert.True(JsonNode.DeepEquals(json["ledger"]!["clocks"], value!["clocks"]), "golden ledger.clocks equals --json's");
                    Assert.All(value["totals"]!.AsObject(), t => Assert.Equal((long)json["ledger"]!["totals"]![t.Key]!, (long)t.Value!));
                    Assert.All(json["ledger"]!["totals"]!.AsObject().Where(t => !value["totals"]!.AsObject().ContainsKey(t.Key)), t => Assert.Equal(0, (long)t.Value!));
                    break;
                case "clocks":
                    JsonArray clocks = json["clocks"]!.AsArray();
                    for (int i = 0; i < clocks.Count; i++)
                    {
                        JsonObject full = clocks[i]!.DeepClone().AsObject();
                        Assert.True(full.Remove("latency_us"), "clocks[].latency_us is the declared omission");
                        AssertSame(full, value![i]!.AsObject(), $"golden clocks[{i}]");
                    }

                    break;
                default:
                    Assert.True(JsonNode.DeepEquals(json[name], value), $"golden '{name}': {value?.ToJsonString()} but --json has {json[name]?.ToJsonString()}");
                    break;
            }
        }

        string[] dropped = [.. json.Select(f => f.Key).Where(k => !golden.ContainsKey(k))];
        Assert.Equal(["wall_s", "devices"], dropped);
        Assert.Contains("wall_s", GoldenSummary.Omitted);
        Assert.Contains("devices", GoldenSummary.Omitted);
        Assert.Contains("clocks[].latency_us", GoldenSummary.Omitted);
        Assert.Contains("ledger.totals.* at 0", GoldenSummary.Omitted);

        // And it is the checked-in golden file: the CLI run and the runtime's golden replay agree.
        string expected = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "tests", "golden", "px4-replay.json")).ReplaceLineEndings("\n");
        Assert.Equal(expected, GoldenSummary.Text(golden));
        Assert.Empty(JsonSchemaValidator.Errors(Schema(), json));
    }

    private static void AssertSame(JsonObject expected, JsonObject actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what}:\n{actual.ToJsonString()}\nexpected:\n{expected.ToJsonString()}");

    private static JsonObject Schema() => JsonNode.Parse(RunSummaryJson.Schema)!.AsObject();

    private static string Scratch()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
