using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ProfileBenchCommandTests
{
    [Fact]
    public void BenchProfile_SmallSampleJson_MeasuresEveryClockWithTheRealModules()
    {
        var (code, output, err) = CliRunner.Run("bench", "profile", "--samples", "20", "--warmup", "5", "--json");

        Assert.True(code == 0, err);
        JsonNode json = JsonNode.Parse(output)!;
        Assert.Equal("default", json["profile"]!.GetValue<string>());
        Assert.Equal("default", json["config"]!.GetValue<string>());
        Assert.Equal(99.9, json["quantile"]!.GetValue<double>());
        Assert.Equal(1.5, json["margin"]!.GetValue<double>());
        JsonArray clocks = json["clocks"]!.AsArray();
        Assert.Equal(["planner", "context", "head"], clocks.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal([5, 5, 20], clocks.Select(c => c!["samples"]!.GetValue<int>()));
        foreach (JsonNode? c in clocks)
        {
            double p50 = c!["p50_us"]!.GetValue<double>();
            double p99 = c["p99_us"]!.GetValue<double>();
            double p999 = c["p999_us"]!.GetValue<double>();
            double max = c["max_us"]!.GetValue<double>();
            Assert.True(p50 > 0 && p50 <= p99 && p99 <= p999 && p999 <= max, c.ToJsonString());
            Assert.True(c["recommended_budget_us"]!.GetValue<long>() >= 1);
            long maxRate = c["max_rate_hz"]!.GetValue<long>();
            Assert.True(maxRate == 0 || 1000 % maxRate == 0, c.ToJsonString());
            Assert.NotNull(c["budget_us"]);
            Assert.NotNull(c["rate_hz"]);
            Assert.NotNull(c["module"]);
        }
    }

    [Fact]
    public void BenchProfile_Text_StatesTheRuleAndTheMethod()
    {
        var (code, output, err) = CliRunner.Run("bench", "profile", "--samples", "10", "--warmup", "2", "--quantile", "99", "--margin", "2");

        Assert.True(code == 0, err);
        Assert.Contains("ceil(p99 x 2)", output);
        Assert.Contains("divisor of base_tick_hz 1000", output);
        Assert.Contains("K=6", output);
        Assert.Contains("head", output);
    }

    [Theory]
    [InlineData("--quantile", "0", "quantile 0")]
    [InlineData("--quantile", "101", "--quantile")]
    [InlineData("--margin", "0.5", "--margin")]
    [InlineData("--samples", "1.5", "--samples '1.5'")]
    [InlineData("--samples", "0", "--samples")]
    [InlineData("--rates", "rates/nope.yaml", "nope.yaml")]
    [InlineData("--config", "configs/nope.yaml", "nope.yaml")]
    [InlineData("--sample", "3", "--sample")]
    public void BenchProfile_BadInput_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var (code, _, err) = CliRunner.Run("bench", "profile", option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }
}
