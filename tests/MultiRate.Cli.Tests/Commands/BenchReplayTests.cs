using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class BenchReplayTests
{
    [Fact]
    public void BenchReplay_Px4TwoRuns_ActionsIdenticalAndSpeedUpReported()
    {
        var (code, output, err) = CliRunner.Run("bench", "replay", "--json");
        Assert.True(code == 0, err);
        JsonObject r = JsonNode.Parse(output)!.AsObject();

        JsonArray runs = r["runs"]!.AsArray();
        Assert.Equal(2, runs.Count);
        Assert.True((bool)r["actions_identical"]!);
        Assert.Equal((string)runs[0]!["actions_sha256"]!, (string)runs[1]!["actions_sha256"]!);
        Assert.Equal(17233, (long)runs[0]!["actions"]!); // 17230 ticks and the 3 actions of the ramp to safe at the end
        Assert.True((double)r["speedup"]! > 0);
        Assert.Equal(Math.Min((double)runs[0]!["speedup"]!, (double)runs[1]!["speedup"]!), (double)r["speedup"]!, 1);
    }

    [Fact]
    public void BenchReplay_MissingLog_ExitCode2NamingTheFile()
    {
        var (code, _, err) = CliRunner.Run("bench", "replay", "--log", "tests/data/none.ulg", "--json");
        Assert.Equal(2, code);
        Assert.Contains("none.ulg", err);
    }
}
