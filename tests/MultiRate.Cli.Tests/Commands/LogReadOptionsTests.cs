using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>--time-column, --time-unit and --msg-path reach the log readers from every command that reads a log.</summary>
[Collection("cli")]
public class LogReadOptionsTests
{
    private const string Rostopic = "tests/data/csv-rostopic-imu/quadraped_imu_data.csv";

    [Fact]
    public void Inspect_RostopicCsv_FindsPercentTimeInNanosecondsAndSaysSo()
    {
        var (code, output, err) = CliRunner.Run("inspect", Rostopic, "--json");

        Assert.True(code == 0, err);
        JsonObject o = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(117_735_250_000L, (long)o["start_ns"]!);
        Assert.Equal(124_320_250_000L, (long)o["end_ns"]!);
        Assert.Contains("time column '%time' in ns (rostopic %time convention)", o["notes"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Inspect_TimeColumnAndUnitFlags_ChooseAnotherColumnAndUnit()
    {
        var (code, output, err) = CliRunner.Run("inspect", Rostopic, "--time-column", "field.header.seq", "--time-unit", "ms", "--json");

        Assert.True(code == 0, err);
        JsonObject o = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(11_048_000_000L, (long)o["start_ns"]!);
        Assert.Contains("time column 'field.header.seq' in ms (option)", o["notes"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Cat_CsvIntegerField_PrintsEveryDigit()
    {
        string path = CliRunner.TempFile("ints.csv", "#timestamp [ns],count\n1403715273262142976,9007199254740993\n");
        var (code, output, err) = CliRunner.Run("cat", path, "--topic", "ints");

        Assert.True(code == 0, err);
        Assert.Equal("{\"log_time_ns\":1403715273262142976,\"topic\":\"ints\",\"data\":{\"count\":9007199254740993}}", output.Trim());
    }

    [Fact]
    public void Inspect_TimeUnitOnUlog_ExitsTwoSayingCsvOnly()
    {
        var (code, _, err) = CliRunner.Run("inspect", "tests/data/px4-ulog-pyulog/sample.ulg", "--time-unit", "ns");

        Assert.Equal(2, code);
        Assert.Contains("apply to CSV logs only", err, StringComparison.Ordinal);
        Assert.Contains("PX4 ULog", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_UnknownTimeUnit_ExitsTwoListingUnits()
    {
        var (code, _, err) = CliRunner.Run("inspect", Rostopic, "--time-unit", "minutes");

        Assert.Equal(2, code);
        Assert.Contains("--time-unit 'minutes': expected one of s, ms, us, ns", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TimeColumnMissing_ExitsTwoNamingTheColumnAndFile()
    {
        var (code, _, err) = CliRunner.Run("replay", "--log", "tests/data/xio-fusion-imu/sensor_data.csv", "--config", "configs/imu-csv.yaml", "--time-column", "stamp_ns", "--json");

        Assert.Equal(2, code);
        Assert.Contains("sensor_data.csv", err, StringComparison.Ordinal);
        Assert.Contains("'stamp_ns'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_MessagePath_DefinitionThereIsUsedBeforeTheShippedOne()
    {
        // The bag stores no definitions; std_msgs/String ships with the project as 'string data'. A folder
        // under --msg-path that reads the same bytes as 'uint8[] raw' wins, so the field is named raw.
        string root = Path.Combine(Path.GetDirectoryName(CliRunner.TempFile("x", string.Empty))!, "share");
        Directory.CreateDirectory(Path.Combine(root, "std_msgs", "msg"));
        File.WriteAllText(Path.Combine(root, "std_msgs", "msg", "String.msg"), "uint8[] raw\n");

        var (code, output, err) = CliRunner.Run("cat", "tests/data/ros2-db3-split-wbag/wbag", "--topic", "AAA", "--limit", "1", "--msg-path", root);
        var (shippedCode, shipped, shippedErr) = CliRunner.Run("cat", "tests/data/ros2-db3-split-wbag/wbag", "--topic", "AAA", "--limit", "1");

        Assert.True(code == 0, err);
        Assert.True(shippedCode == 0, shippedErr);
        JsonObject withPath = JsonNode.Parse(output)!["data"]!.AsObject();
        JsonObject withShipped = JsonNode.Parse(shipped)!["data"]!.AsObject();
        Assert.True(withPath.ContainsKey("raw"), output);
        Assert.StartsWith("Hello, world!", (string)withShipped["data"]!, StringComparison.Ordinal);
    }
}
