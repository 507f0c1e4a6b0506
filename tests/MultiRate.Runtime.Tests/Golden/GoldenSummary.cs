using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Runtime.Tests.Golden;

/// <summary>
/// The deterministic part of a virtual-time run summary, as the JSON checked in under tests/golden/:
/// counts, versions, action kinds, latent ages on the virtual clock and the actions' SHA-256.
/// Measured compute times and wall time are left out: they differ run to run.
/// </summary>
internal static class GoldenSummary
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject From(RunSummary s, string profile, string config, string log)
    {
        var clocks = new JsonObject();
        foreach (ClockSummary c in s.Clocks)
        {
            clocks[c.Name] = new JsonObject
            {
                ["rate_hz"] = c.RateHz,
                ["ticks"] = c.Ticks,
                ["misses"] = c.Misses,
                ["skipped_periods"] = c.SkippedPeriods,
                ["faults"] = c.Faults,
            };
        }

        return new JsonObject
        {
            ["profile"] = profile,
            ["config"] = config,
            ["log"] = log,
            ["mode"] = s.Mode,
            ["duration_s"] = Math.Round(s.DurationSeconds, 6),
            ["clocks"] = clocks,
            ["actions"] = s.Actions,
            ["actions_by_kind"] = Map(s.ActionsByKind),
            ["latents_published"] = Map(s.LatentsPublished),
            ["last_latent_version"] = s.LastLatentVersion,
            ["stale_ticks"] = s.StaleTicks,
            ["latent_age_ms"] = new JsonObject
            {
                ["p50"] = Math.Round(s.LatentAgeP50Ms, 3),
                ["p99"] = Math.Round(s.LatentAgeP99Ms, 3),
                ["max"] = Math.Round(s.LatentAgeMaxMs, 3),
            },
            ["recursion_steps_p50"] = s.RecursionStepsP50,
            // Only the guards that fired: a guard added later (at 0 here) must not break the golden files.
            ["guards_fired"] = Map(s.Guards.Where(g => g.Value != 0).ToDictionary()),
            ["actions_sha256"] = s.ActionsSha256,
        };
    }

    public static string Text(JsonNode node) => node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Map(IReadOnlyDictionary<string, long> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o[k] = v;
        }

        return o;
    }

}
