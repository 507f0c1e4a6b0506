using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class BenchOverheadTests
{
    [Fact]
    public void BenchOverhead_SmallRunJson_ReportsBareRuntimeAndTheirRatio()
    {
        var (code, output, err) = CliRunner.Run("bench", "overhead", "--json", "--quick", "--blocks", "2", "--ticks-per-block", "500", "--breakdown");
        Assert.True(code == 0, err);
        JsonObject r = JsonNode.Parse(output)!.AsObject();

        double bare = (double)r["bare_p50_us"]!;
        double runtime = (double)r["runtime_p50_us"]!;
        Assert.True(bare > 0 && runtime > 0);
        Assert.Equal(runtime / bare, (double)r["ratio"]!, 2);
        Assert.Equal(runtime - bare, (double)r["overhead_us"]!, 2);
        Assert.Equal(1000, (long)r["bare"]!["samples"]!);
        Assert.Equal(1000, (long)r["runtime"]!["samples"]!);
        Assert.NotNull(r["bare_p99_us"]);
        Assert.NotNull(r["runtime_p99_us"]);
        Assert.Equal(0, (long)r["allocated_bytes"]!["runtime"]!);
        Assert.NotNull(r["breakdown"]!["output_stage"]!["p50_us"]);
    }

    [Fact]
    public void BenchOverhead_UnknownOption_ExitCode2NamingIt()
    {
        var (code, _, err) = CliRunner.Run("bench", "overhead", "--tick", "5");
        Assert.Equal(2, code);
        Assert.Contains("--tick", err);
    }
}
