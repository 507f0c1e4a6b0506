using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class InspectCommandTests
{
    [Fact]
    public void Inspect_Px4Log_ReportsUlogTopicsWithCountsAndRates()
    {
        var (code, output, err) = CliRunner.Run("inspect", "tests/data/px4-ulog-pyulog/sample.ulg", "--json");
        Assert.True(code == 0, err);
        JsonObject o = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("ulog", (string)o["format"]!);
        Assert.True((long)o["end_ns"]! > (long)o["start_ns"]!);
        JsonObject sensor = o["topics"]!.AsArray().Single(t => (string)t!["name"]! == "sensor_combined/0")!.AsObject();
        Assert.Equal(17070, (long)sensor["count"]!);
        Assert.InRange((double)sensor["hz"]!, 240, 256);
        Assert.Equal("sensor_combined", (string)sensor["schema"]!);
    }

    [Fact]
    public void Cat_CsvTopic_PrintsDecodedJsonLines()
    {
        var (code, output, err) = CliRunner.Run("cat", "tests/data/xio-fusion-imu/sensor_data.csv", "--topic", "sensor_data", "--limit", "2");
        Assert.True(code == 0, err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        JsonObject first = JsonNode.Parse(lines[0])!.AsObject();
        Assert.Equal(0, (long)first["log_time_ns"]!);
        Assert.Equal("sensor_data", (string)first["topic"]!);
        Assert.Equal(0.01644619, (double)first["data"]!["Gyroscope X (deg/s)"]!, 8);
    }

    [Fact]
    public void Cat_UnknownTopic_ExitsTwoListingTopics()
    {
        var (code, _, err) = CliRunner.Run("cat", "tests/data/px4-ulog-pyulog/sample.ulg", "--topic", "imu");
        Assert.Equal(2, code);
        Assert.Contains("sensor_combined/0", err);
    }

    [Fact]
    public void Inspect_TruncatedLog_ExitsTwoWithByteOffset()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(CliRunner.RepoRoot, "tests/data/px4-ulog-pyulog/sample.ulg"));
        string path = CliRunner.TempFile("cut.ulg", string.Empty);
        File.WriteAllBytes(path, bytes[..1_000_003]);
        var (code, _, err) = CliRunner.Run("inspect", path);
        Assert.Equal(2, code);
        Assert.Contains("byte", err);
        Assert.DoesNotContain("   at ", err);
    }
}
