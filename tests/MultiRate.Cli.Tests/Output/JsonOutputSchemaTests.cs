using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Output;

/// <summary>Every <c>--json</c> output conforms to its schema in <c>docs/schemas/</c>, and every schema is documented.</summary>
[Collection("cli")]
public sealed class JsonOutputSchemaTests
{
    [Theory]
    [InlineData("tests/data/px4-ulog-pyulog/sample.ulg")]
    [InlineData("tests/data/xio-fusion-imu/sensor_data.csv")]
    [InlineData("tests/data/csv-rostopic-imu/quadraped_imu_data.csv")]
    [InlineData("tests/data/mcap-conformance/TenMessages/TenMessages-st-sum.mcap")]
    [InlineData("tests/data/ros1-bag-tf-lz4/tf_example.bag")]
    [InlineData("tests/data/ros2-db3-split-wbag/wbag")]
    [InlineData("tests/data/ros2-mcap-rewriter-b")]
    [InlineData("tests/data/ardupilot-bin-sub/small.BIN")]
    public void InspectJson_EveryFormat_ConformsToItsSchema(string log)
    {
        var (code, output, err) = CliRunner.Run("inspect", log, "--json");

        Assert.True(code == 0, err);
        OutputSchemas.AssertConforms("inspect", JsonNode.Parse(output));
    }

    [Theory]
    [InlineData("tests/data/csv-rostopic-imu/quadraped_imu_data.csv", "quadraped_imu_data")]
    [InlineData("tests/data/ros1-bag-tf-lz4/tf_example.bag", "/tf")]
    [InlineData("tests/data/px4-ulog-pyulog/sample.ulg", "sensor_combined/0")]
    public void CatLines_ConformToTheMessageSchema(string log, string topic)
    {
        var (code, output, err) = CliRunner.Run("cat", log, "--topic", topic, "--limit", "3");

        Assert.True(code == 0, err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => OutputSchemas.AssertConforms("cat-message", JsonNode.Parse(line)));
    }

    [Fact]
    public void FaultsJson_ConformsToItsSchema()
    {
        var (code, output, err) = CliRunner.Run("faults", "--seconds", "1", "--json");

        Assert.True(code == 0, err);
        OutputSchemas.AssertConforms("faults", JsonNode.Parse(output));
    }

    [Fact]
    public void BenchLogsJson_EveryReaderMeasured_ConformsToItsSchema()
    {
        var (code, output, err) = CliRunner.Run("bench", "logs", "--repeat", "1", "--json");

        Assert.True(code == 0, err);
        JsonNode json = JsonNode.Parse(output)!;
        OutputSchemas.AssertConforms("bench-logs", json);
        string[] formats = [.. json["results"]!.AsArray().Select(r => (string)r!["format"]!)];
        Assert.Equal(["mcap-zstd", "mcap-lz4", "mcap-none", "ulog", "ros2-sqlite3", "ros2-mcap", "ros1-bag", "ardupilot-dataflash", "csv"], formats);
        Assert.All(json["results"]!.AsArray().Skip(4), r => Assert.Null(r!["scan_mb_per_s_p50"]));
    }

    [Fact]
    public void BenchRemoteJson_BothSides_ConformsToItsSchema()
    {
        var (code, output, err) = CliRunner.Run("bench", "remote", "--updates", "20", "--seconds", "0", "--json");

        Assert.True(code == 0, err);
        JsonNode json = JsonNode.Parse(output)!;
        OutputSchemas.AssertConforms("bench-remote", json);
        Assert.Equal(["in-process", "loopback"], json["sides"]!.AsArray().Select(s => (string)s!["side"]!));
    }

    [Fact]
    public void BenchGpuJson_OnTheCpuAccelerator_ConformsToItsSchema()
    {
        var (code, output, err) = CliRunner.Run("bench", "gpu", "--device", "ilgpu-cpu", "--samples", "5", "--max-width", "1024", "--interference-ticks", "20", "--json");

        Assert.True(code == 0, err);
        JsonNode json = JsonNode.Parse(output)!;
        OutputSchemas.AssertConforms("bench-gpu", json);
        Assert.Equal("torch-cpu", (string?)json["reference"]); // TorchSharp loads here
        Assert.Equal([256, 1024], json["head_by_width"]!.AsArray().Select(r => (int)r!["width"]!));
        Assert.All(json["variants"]!.AsArray(), v => Assert.True((bool)v!["passed"]!));
        JsonArray contexts = json["context_variants"]!.AsArray();
        Assert.Equal(3, contexts.Count); // TorchSharp loads here, so the context half runs
        Assert.All(contexts, v => Assert.True((bool)v!["passed"]!));
        JsonNode interference = json["interference"]!;
        Assert.Equal("ilgpu-cpu", (string?)interference["context_device"]); // the context on the head's accelerator
        Assert.True((double)interference["head_p99_alone_us"]! > 0);
    }

    [Fact]
    public void SoakJson_ConformsToItsSchema()
    {
        var (code, output, err) = CliRunner.Run("soak", "--virtual-ticks", "20000", "--realtime-seconds", "0", "--json");

        Assert.True(code == 0, err);
        OutputSchemas.AssertConforms("soak", JsonNode.Parse(output));
    }

    [Fact]
    public void Schemas_EachIsLinkedFromTheCliReferenceAndUsesTheCheckedSubset()
    {
        string cli = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "cli.md"));
        foreach (string file in Directory.GetFiles(OutputSchemas.Folder, "*.schema.json"))
        {
            string name = Path.GetFileName(file);
            Assert.Contains($"schemas/{name}", cli, StringComparison.Ordinal);
            JsonObject schema = OutputSchemas.Load(name[..^".schema.json".Length]);
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]), name);

            // A schema keyword the validator does not check would be reported against any value.
            Assert.DoesNotContain(JsonSchemaValidator.Errors(schema, null), e => e.Contains("outside the checked subset", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validator_InspectOutputWithAFieldRenamed_IsRejected()
    {
        var (code, output, _) = CliRunner.Run("inspect", "tests/data/xio-fusion-imu/sensor_data.csv", "--json");
        Assert.Equal(0, code);
        JsonObject json = JsonNode.Parse(output)!.AsObject();
        JsonNode? start = json["start_ns"];
        json.Remove("start_ns");
        json["start"] = start?.DeepClone();

        List<string> errors = JsonSchemaValidator.Errors(OutputSchemas.Load("inspect"), json);

        Assert.Contains(errors, e => e.Contains("start_ns", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("start", StringComparison.Ordinal));
    }
}
