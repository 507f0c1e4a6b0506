using System.Text.Json.Nodes;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;
using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;
using MultiRate.Bench.Tests.Tuning;

namespace MultiRate.Bench.Tests.Profile;

public sealed class SavedBenchTests
{
    private const string Saved = """
        {"profile":"default","config":"default","quantile":99.9,"margin":1.5,"base_tick_hz":1000,"clocks":[
          {"name":"context","module":"context","samples":200,"p50_us":900,"p99_us":1400,"p999_us":1500,"max_us":1600,"budget_us":60000,"recommended_budget_us":2300,"rate_hz":10,"max_rate_hz":250},
          {"name":"head","module":"head","samples":2000,"p50_us":12,"p99_us":30,"p999_us":41,"max_us":90,"budget_us":500,"recommended_budget_us":62,"rate_hz":1000,"max_rate_hz":1000}]}
        """;

    private static RateProfile Default() => RateProfileLoader.Load(Path.Combine(TuningRepo.Root, "rates", "default.yaml"));

    [Fact]
    public void Recommend_SavedSummary_RecomputesAgainstTheProfileInProfileOrder()
    {
        SavedBench saved = SavedBench.Parse(Saved, "bench.json");

        ProfileBenchReport report = saved.Recommend(Default(), saved.Policy);

        Assert.Equal(new TuningPolicy(99.9, 1.5), saved.Policy);
        Assert.Equal(["context", "head"], report.Clocks.Select(c => c.Name));
        Assert.Equal(2300, report.Clocks[0].RecommendedBudgetUs);
        Assert.Equal(62, report.Clocks[1].RecommendedBudgetUs);
        Assert.Equal(1000, report.Clocks[1].MaxRateHz);
    }

    [Fact]
    public void CheckMatches_SameProfileAndConfig_PassesWithoutNotes()
    {
        SavedBench saved = SavedBench.Parse(Saved, "bench.json");

        Assert.Empty(saved.CheckMatches(Default(), "default", force: false));
    }

    [Fact]
    public void CheckMatches_OtherProfile_IsRefusedUnlessForced()
    {
        SavedBench saved = SavedBench.Parse(Saved.Replace("\"profile\":\"default\"", "\"profile\":\"franka-1khz\"", StringComparison.Ordinal), "bench.json");

        var ex = Assert.Throws<TuningInputException>(() => saved.CheckMatches(Default(), "default", force: false));
        IReadOnlyList<string> forced = saved.CheckMatches(Default(), "default", force: true);

        Assert.Contains("bench.json: profile: measured for profile 'franka-1khz', but this is 'default'", ex.Message);
        Assert.Contains("--force", ex.Message);
        Assert.Equal(["forced: bench.json: profile: measured for profile 'franka-1khz', but this is 'default' (" + Default().SourcePath + ")"], forced);
    }

    [Fact]
    public void CheckMatches_OtherConfig_IsRefusedNamingBoth()
    {
        SavedBench saved = SavedBench.Parse(Saved, "bench.json");

        var ex = Assert.Throws<TuningInputException>(() => saved.CheckMatches(Default(), "imu-csv", force: false));

        Assert.Contains("measured with model config 'default', but this run uses 'imu-csv'", ex.Message);
    }

    [Fact]
    public void Recommend_OtherMarginAndTheMaxQuantile_UsesThem()
    {
        SavedBench saved = SavedBench.Parse(Saved, "bench.json");

        ProfileBenchReport report = saved.Recommend(Default(), new TuningPolicy(100, 2));

        Assert.Equal(180, report.Clocks[1].RecommendedBudgetUs); // max 90 x 2
    }

    [Fact]
    public void Recommend_QuantileNotInASummary_ThrowsSuggestingRawSamples()
    {
        SavedBench saved = SavedBench.Parse(Saved, "bench.json");

        var ex = Assert.Throws<TuningInputException>(() => saved.Recommend(Default(), new TuningPolicy(95, 1.5)));

        Assert.Contains("quantile 95", ex.Message);
        Assert.Contains("--raw", ex.Message);
    }

    [Fact]
    public void Parse_RawSamples_AllowAnyQuantile()
    {
        var json = JsonNode.Parse(Saved)!;
        json["clocks"]![1]!["samples_us"] = new JsonArray(10, 20, 30, 40);

        ProfileBenchReport report = SavedBench.Parse(json.ToJsonString(), "bench.json").Recommend(Default(), new TuningPolicy(50, 1));

        Assert.Equal(4, report.Clocks[1].Latency.Samples);
        Assert.Equal(20, report.Clocks[1].QuantileUs);
    }

    [Fact]
    public void Recommend_ClockNotInTheProfile_ThrowsNamingFileAndKey()
    {
        SavedBench saved = SavedBench.Parse(Saved.Replace("\"name\":\"head\"", "\"name\":\"arm\"", StringComparison.Ordinal), "bench.json");

        var ex = Assert.Throws<TuningInputException>(() => saved.Recommend(Default(), saved.Policy));

        Assert.Contains("bench.json: clocks[1].name", ex.Message);
        Assert.Contains("'arm'", ex.Message);
        Assert.Contains("planner, context, head", ex.Message);
    }

    [Fact]
    public void Parse_InvalidJson_ThrowsWithFileAndPosition()
    {
        var ex = Assert.Throws<TuningInputException>(() => SavedBench.Parse("{\"profile\":\n  oops}", "bench.json"));

        Assert.StartsWith("bench.json:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", ex.Message);
    }

    [Fact]
    public void Parse_MissingField_NamesTheKey()
    {
        var ex = Assert.Throws<TuningInputException>(() => SavedBench.Parse(Saved.Replace("\"p99_us\":30,", string.Empty, StringComparison.Ordinal), "bench.json"));

        Assert.Contains("bench.json: clocks[1].p99_us: missing", ex.Message);
    }

    [Fact]
    public void Parse_WrongType_NamesTheKeyAndWhatWasExpected()
    {
        var ex = Assert.Throws<TuningInputException>(() => SavedBench.Parse(Saved.Replace("\"margin\":1.5", "\"margin\":\"big\"", StringComparison.Ordinal), "bench.json"));

        Assert.Contains("bench.json: margin: expected a number", ex.Message);
    }

    [Fact]
    public void Parse_PercentilesOutOfOrder_Throws()
    {
        var ex = Assert.Throws<TuningInputException>(() => SavedBench.Parse(Saved.Replace("\"max_us\":90", "\"max_us\":9", StringComparison.Ordinal), "bench.json"));

        Assert.Contains("clocks[1]", ex.Message);
        Assert.Contains("p50_us <= p99_us <= p999_us <= max_us", ex.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<TuningInputException>(() => SavedBench.Load("/nonexistent/bench.json"));

        Assert.Contains("/nonexistent/bench.json", ex.Message);
    }

    [Fact]
    public void ToJson_Report_RoundTripsThroughParse()
    {
        RateProfile profile = Default();
        var report = ProfileBenchReport.FromSamples(profile, "cfg", new Dictionary<string, double[]> { ["head"] = [10, 20, 30] }, TuningPolicy.Default);

        string json = BenchReportJson.ToJson(report, includeSamples: true).ToJsonString();
        ProfileBenchReport back = SavedBench.Parse(json, "x.json").Recommend(profile, TuningPolicy.Default);

        Assert.Equal(report.Clocks[0] with { Latency = back.Clocks[0].Latency }, back.Clocks[0]);
        Assert.Equal([10.0, 20, 30], back.Clocks[0].Latency.SortedSamplesUs);
        Assert.Equal("too_loose", JsonNode.Parse(json)!["clocks"]![0]!["budget_verdict"]!.GetValue<string>());
    }
}
