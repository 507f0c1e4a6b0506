using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ReplayCommandTests
{
    private static JsonObject Replay(params string[] extra)
    {
        string[] args = ["replay", "--log", "tests/data/px4-ulog-pyulog/sample.ulg", "--rates", "rates/px4-attitude-250hz.yaml", "--config", "configs/px4-attitude.yaml", "--json", .. extra];
        var (code, output, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        return JsonNode.Parse(output)!.AsObject();
    }

    [Fact]
    public void Replay_Px4Log_JsonHasTheScriptedFields()
    {
        JsonObject s = Replay("--seconds", "4");

        Assert.Equal(1000, (long)s["ticks"]!["head"]!);
        Assert.Equal(40, (long)s["ticks"]!["context"]!);
        Assert.Equal(0, (long)s["misses"]!["head"]!);
        Assert.Equal(1003, (long)s["actions"]!); // 1000 ticks, then 3 ramp actions to the safe action
        Assert.Matches("^[0-9a-f]{64}$", (string)s["actions_sha256"]!);
        Assert.True((double)s["latent_age_ms"]!["p50"]! > 0);
        Assert.NotNull(s["latent_age_ms"]!["p99"]);
        Assert.NotNull(s["latent_age_ms"]!["max"]);
    }

    [Fact]
    public void Replay_TwiceWithSameInputs_BitIdenticalActions()
    {
        JsonObject a = Replay("--seconds", "3");
        JsonObject b = Replay("--seconds", "3");
        Assert.Equal((string)a["actions_sha256"]!, (string)b["actions_sha256"]!);
        Assert.Equal((long)a["last_latent_version"]!, (long)b["last_latent_version"]!);
    }
}
