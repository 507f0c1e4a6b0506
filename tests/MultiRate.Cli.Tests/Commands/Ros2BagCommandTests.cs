using System.Text.Json.Nodes;
using Xunit;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>ROS 2 bag folders through inspect, cat and replay with the shipped example profile and config.</summary>
[Collection("cli")]
public sealed class Ros2BagCommandTests
{
    [Fact]
    public void Replay_Ros2TfBagFolder_ReplaysEveryTransformWithoutMisses()
    {
        string[] args = ["replay", "--log", "tests/data/ros2-db3-tf-rosbags", "--rates", "rates/ros2-tf-example.yaml", "--config", "configs/ros2-tf-example.yaml", "--json"];

        var (code, output, err) = CliRunner.Run(args);

        Assert.True(code == 0, err);
        JsonObject s = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(517, (long)s["replay"]!["messages_read"]!);
        Assert.Equal(1714741164196592603, (long)s["replay"]!["replayed_from_ns"]!);
        Assert.Equal(1714741215796545476, (long)s["replay"]!["replayed_up_to_ns"]!);
        Assert.Equal(0, (long)s["misses"]!["head"]!);
        Assert.Equal((long)s["ticks"]!["head"]! + (long)s["ledger"]!["totals"]!["stop_fallbacks"]!, (long)s["actions"]!); // and the ramp to safe at the end
        Assert.Matches("^[0-9a-f]{64}$", (string)s["actions_sha256"]!);
    }

    [Fact]
    public void Inspect_SplitBagFolder_ReportsAllFilesAsOneLog()
    {
        var (code, output, err) = CliRunner.Run(["inspect", "tests/data/ros2-db3-split-wbag/wbag", "--json"]);

        Assert.True(code == 0, err);
        JsonObject s = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("ros2-sqlite3", (string)s["format"]!);
        Assert.Equal(1000, (long)s["start_ns"]!);
        Assert.Equal(2998, (long)s["end_ns"]!);
        Assert.Equal(6074, s["topics"]!.AsArray().Sum(t => (long)t!["count"]!));
    }

    [Fact]
    public void Cat_FolderThatIsNotABag_Exits2SayingWhatWasExpected()
    {
        var (code, _, err) = CliRunner.Run(["cat", "tests/data", "--topic", "x"]);

        Assert.Equal(2, code);
        Assert.Contains("metadata.yaml", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
