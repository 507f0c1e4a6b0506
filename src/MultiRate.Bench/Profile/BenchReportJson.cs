using System.Text.Json.Nodes;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>
/// The JSON of <c>multirate bench profile --json</c>, a scripting interface with stable snake_case
/// names: <c>{profile, config, quantile, margin, base_tick_hz, clocks: [{name, module, samples, p50_us,
/// p99_us, p999_us, max_us, quantile_us, budget_us, recommended_budget_us, budget_verdict, rate_hz,
/// max_rate_hz, quantile_reliable, p99_reliable, p999_reliable, note[, samples_us]}], method}</c>; <c>note</c> says why
/// the quantile is not settled (<see cref="SampleRule"/>), null when it is. <see cref="SavedBench"/> reads it back for <c>multirate tune --from</c>.
/// </summary>
public static class BenchReportJson
{
    /// <summary>Builds the JSON object.</summary>
    /// <param name="report">The report.</param>
    /// <param name="includeSamples">Also write every raw sample (<c>samples_us</c>), so <c>tune --from</c> can use any quantile.</param>
    public static JsonObject ToJson(ProfileBenchReport report, bool includeSamples = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clocks = new JsonArray();
        foreach (ClockRecommendation c in report.Clocks)
        {
            var o = new JsonObject
            {
                ["name"] = c.Name,
                ["module"] = c.Module,
                ["samples"] = c.Latency.Samples,
                ["p50_us"] = Round(c.Latency.P50Us),
                ["p99_us"] = Round(c.Latency.P99Us),
                ["p999_us"] = Round(c.Latency.P999Us),
                ["max_us"] = Round(c.Latency.MaxUs),
                ["quantile_us"] = Round(c.QuantileUs),
                ["budget_us"] = c.BudgetUs,
                ["recommended_budget_us"] = c.RecommendedBudgetUs,
                ["budget_verdict"] = VerdictName(c.Verdict),
                ["rate_hz"] = c.RateHz,
                ["max_rate_hz"] = c.MaxRateHz,
                ["quantile_reliable"] = c.QuantileReliable,
                ["p99_reliable"] = SampleRule.IsReliable(99, c.Latency.Samples),
                ["p999_reliable"] = SampleRule.IsReliable(99.9, c.Latency.Samples),
                ["note"] = c.SampleNote,
            };
            if (includeSamples && c.Latency.SortedSamplesUs is { } samples)
            {
                o["samples_us"] = new JsonArray([.. samples.Select(s => (JsonNode?)JsonValue.Create(Round(s)))]);
            }

            clocks.Add(o);
        }

        return new JsonObject
        {
            ["profile"] = report.Profile,
            ["config"] = report.Config,
            ["quantile"] = report.Policy.Quantile,
            ["margin"] = report.Policy.Margin,
            ["base_tick_hz"] = report.BaseTickHz,
            ["method"] = report.Method,
            ["clocks"] = clocks,
        };
    }

    /// <summary>snake_case name of a verdict: ok, too_tight, too_loose.</summary>
    public static string VerdictName(BudgetVerdict verdict) => verdict switch
    {
        BudgetVerdict.TooTight => "too_tight",
        BudgetVerdict.TooLoose => "too_loose",
        _ => "ok",
    };

    private static double Round(double v) => Math.Round(v, 3);
}
