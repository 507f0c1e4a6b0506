using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ProfileBenchCommandTests
{
    [Fact]
    public void BenchProfile_SmallSampleJson_MeasuresEveryClockInOneFullGraphRun()
    {
        // 1.2 s of the default profile from tick 0: the 1 Hz planner ticks at 0 and 1 s, the 10 Hz context 12 times.
        var (code, output, err) = CliRunner.Run("bench", "profile", "--samples", "1200", "--warmup", "0", "--json");

        Assert.True(code == 0, err);
        JsonNode json = JsonNode.Parse(output)!;
        Assert.Equal("default", json["profile"]!.GetValue<string>());
        Assert.Equal("default", json["config"]!.GetValue<string>());
        Assert.Equal(99.9, json["quantile"]!.GetValue<double>());
        Assert.Equal(1.5, json["margin"]!.GetValue<double>());
        JsonArray clocks = json["clocks"]!.AsArray();
        Assert.Equal(["planner", "context", "head"], clocks.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("graph_run", json["method"]!.GetValue<string>());
        int[] samples = [.. clocks.Select(c => c!["samples"]!.GetValue<int>())];
        Assert.InRange(samples[0], 1, 2);
        Assert.InRange(samples[1], 1, 12);
        Assert.InRange(samples[2], 1, 1200);
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
            // Too few samples for p99.9 anywhere in a 1.2 s run: every clock says so.
            Assert.False(c["quantile_reliable"]!.GetValue<bool>());
            Assert.False(c["p999_reliable"]!.GetValue<bool>());
            Assert.Contains("is not reliable", c["note"]!.GetValue<string>());
        }
    }

    [Fact]
    public void BenchProfile_Text_StatesTheRuleAndTheMethod()
    {
        var (code, output, err) = CliRunner.Run("bench", "profile", "--samples", "300", "--warmup", "2", "--quantile", "99", "--margin", "2");

        Assert.True(code == 0, err);
        Assert.Contains("ceil(p99 x 2)", output);
        Assert.Contains("divisor of base_tick_hz 1000", output);
        Assert.Contains("the whole graph in real time, every clock at its rate, 2 + 300 periods of clock 'head' (0.302 s of run time", output);
        Assert.Contains("response time per tick in a full-graph real-time run", output);
        // About 300 samples: periods skipped on a loaded machine count as samples too.
        Assert.Matches(@"clock 'head': p99 from \d{3} samples is not reliable: it needs 1000 ", output);
        Assert.Matches(@"clock 'head': p99.9 from \d{3} samples is not reliable: it needs 10000 ", output);
        Assert.Contains("method: the whole graph as 'run' builds it", output);
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
