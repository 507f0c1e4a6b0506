using System.Text.Json.Nodes;
using MultiRate.Bench.Profile;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// The JSON of <c>multirate tune --json</c>, a scripting interface with stable snake_case names:
/// <c>{accepted, profile, tuned_path, written, method, confirm_seconds, tolerance, clocks: [{name, budget_us,
/// recommended_us, confirm: {ticks, misses, miss_rate} | null, tolerance, predicted_miss_rate, quantile_reliable, note}]}</c>.
/// Schema: <c>docs/schemas/tune.schema.json</c>.
/// </summary>
public static class TuneReportJson
{
    /// <summary>Builds the JSON object.</summary>
    /// <param name="result">The tuned profile.</param>
    /// <param name="report">The measurements it came from.</param>
    /// <param name="confirmation">The confirmation run; null when none ran (a dry run with <c>--confirm-seconds 0</c>).</param>
    /// <param name="tolerance">The profile's miss tolerance.</param>
    /// <param name="written">True when the tuned profile was written.</param>
    public static JsonObject ToJson(TuneResult result, ProfileBenchReport report, ConfirmationReport? confirmation, double tolerance, bool written)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(report);
        var clocks = new JsonArray();
        foreach (ClockRecommendation rec in report.Clocks)
        {
            ClockConfirmation? c = confirmation?.Clocks.FirstOrDefault(x => x.Name == rec.Name);
            clocks.Add(Clock(rec.Name, rec.BudgetUs, rec.RecommendedBudgetUs, c, c is null ? rec.PredictedMissRate : c.PredictedMissRate, tolerance, rec.QuantileReliable, rec.SampleNote));
        }

        // Clocks without measurements ran in the confirmation too, with their budgets unchanged.
        foreach (ClockConfirmation c in confirmation?.Clocks.Where(c => report.Clocks.All(r => r.Name != c.Name)) ?? [])
        {
            clocks.Add(Clock(c.Name, c.BudgetUs, c.RecommendedUs, c, null, tolerance, false, "not measured: budget left unchanged"));
        }

        return new JsonObject
        {
            ["accepted"] = confirmation?.Accepted ?? false,
            ["profile"] = result.OriginalPath,
            ["tuned_path"] = result.TunedPath,
            ["written"] = written,
            ["method"] = report.Method,
            ["confirm_seconds"] = confirmation is null ? 0 : Math.Round(confirmation.Seconds, 3),
            ["tolerance"] = tolerance,
            ["clocks"] = clocks,
        };
    }

    private static JsonObject Clock(string name, long budgetUs, long recommendedUs, ClockConfirmation? c, double? predicted, double tolerance, bool reliable, string? note) => new()
    {
        ["name"] = name,
        ["budget_us"] = budgetUs,
        ["recommended_us"] = recommendedUs,
        ["confirm"] = c is null ? null : new JsonObject
        {
            ["ticks"] = c.Ticks,
            ["misses"] = c.Misses,
            ["miss_rate"] = Math.Round(c.MissRate, 6),
        },
        ["tolerance"] = tolerance,
        ["predicted_miss_rate"] = predicted is double p ? Math.Round(p, 6) : null,
        ["quantile_reliable"] = reliable,
        ["note"] = note,
    };
}
