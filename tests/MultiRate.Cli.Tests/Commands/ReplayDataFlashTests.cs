using System.Text.Json.Nodes;
using Xunit;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ReplayDataFlashTests
{
    private static JsonObject Replay(params string[] extra)
    {
        string[] args = ["replay", "--log", "tests/data/ardupilot-bin-sub/small.BIN", "--rates", "rates/ardusub-10hz.yaml", "--config", "configs/ardusub.yaml", "--json", .. extra];
        var (code, output, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        return JsonNode.Parse(output)!.AsObject();
    }

    [Fact]
    public void Replay_ArduSubLogWithShippedProfile_RunsEveryTickFromTheLog()
    {
        JsonObject s = Replay("--seconds", "10");

        Assert.Equal(100, (long)s["ticks"]!["head"]!);
        Assert.Equal(20, (long)s["ticks"]!["context"]!);
        Assert.Equal(0, (long)s["misses"]!["head"]!);
        Assert.Equal(102, (long)s["actions"]!); // 100 ticks, then 2 ramp actions to the safe action
        Assert.Equal(0, (long)s["guards"]!["non_finite_actions"]!);
        Assert.False((bool)s["replay"]!["truncated"]!);
        Assert.Equal(265738418000L, (long)s["replay"]!["replayed_from_ns"]!);
    }

    [Fact]
    public void Replay_ArduSubLogTwice_BitIdenticalActions()
    {
        Assert.Equal((string)Replay("--seconds", "5")["actions_sha256"]!, (string)Replay("--seconds", "5")["actions_sha256"]!);
    }
}
