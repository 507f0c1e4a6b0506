using System.Text.Json.Nodes;
using MultiRate.Cli.Infrastructure;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Cli.Output;

/// <summary>
/// The run summary as JSON. Field names are an interface: <c>ticks</c>, <c>misses</c> (per clock),
/// <c>actions</c>, <c>actions_sha256</c> and <c>latent_age_ms</c> {p50, p99, max} must not change.
/// When a log was replayed, <c>replay</c> says how much of it: <c>truncated</c> (the replay stopped
/// at damage before the log's end), <c>replayed_up_to_ns</c>, <c>log_end_ns</c> (null when the
/// damage hides it), <c>stopped_at_byte</c>, <c>reason</c> and <c>messages_read</c>.
/// </summary>
internal static class SummaryJson
{
    public static JsonObject From(RunSummary s, LogCoverage? replay = null)
    {
        var ticks = new JsonObject();
        var misses = new JsonObject();
        var skipped = new JsonObject();
        var clocks = new JsonArray();
        foreach (ClockSummary c in s.Clocks)
        {
            ticks[c.Name] = c.Ticks;
            misses[c.Name] = c.Misses;
            skipped[c.Name] = c.SkippedPeriods;
            clocks.Add(new JsonObject
            {
                ["name"] = c.Name,
                ["rate_hz"] = c.RateHz,
                ["ticks"] = c.Ticks,
                ["misses"] = c.Misses,
                ["skipped_periods"] = c.SkippedPeriods,
                ["faults"] = c.Faults,
                ["budget_us"] = c.BudgetUs,
                ["latency_us"] = new JsonObject
                {
                    ["p50"] = Json.Round(c.LatencyP50Us),
                    ["p99"] = Json.Round(c.LatencyP99Us),
                    ["max"] = Json.Round(c.LatencyMaxUs),
                },
            });
        }

        var kinds = new JsonObject();
        foreach (var (k, v) in s.ActionsByKind)
        {
            kinds[k] = v;
        }

        var versions = new JsonObject();
        foreach (var (k, v) in s.LatentsPublished)
        {
            versions[k] = v;
        }

        var guards = new JsonObject();
        foreach (var (k, v) in s.Guards)
        {
            guards[k] = v;
        }

        var json = new JsonObject
        {
            ["profile"] = s.Profile,
            ["mode"] = s.Mode,
            ["duration_s"] = Json.Round(s.DurationSeconds, 6),
            ["wall_s"] = Json.Round(s.WallSeconds),
            ["ticks"] = ticks,
            ["misses"] = misses,
            ["skipped_periods"] = skipped,
            ["actions"] = s.Actions,
            ["actions_by_kind"] = kinds,
            ["actions_sha256"] = s.ActionsSha256,
            ["latent_age_ms"] = new JsonObject
            {
                ["p50"] = Json.Round(s.LatentAgeP50Ms),
                ["p99"] = Json.Round(s.LatentAgeP99Ms),
                ["max"] = Json.Round(s.LatentAgeMaxMs),
            },
            ["stale_ticks"] = s.StaleTicks,
            ["latents_published"] = versions,
            ["last_latent_version"] = s.LastLatentVersion,
            ["recursion_steps_p50"] = s.RecursionStepsP50,
            ["guards"] = guards,
            ["stopped_early"] = s.StoppedEarly,
            ["clocks"] = clocks,
        };
        if (replay is not null)
        {
            json["replay"] = Replay(replay);
        }

        return json;
    }

    /// <summary>The "replayed up to" report of a replayed log.</summary>
    public static JsonObject Replay(LogCoverage c) => new()
    {
        ["truncated"] = c.Damaged,
        ["damage"] = !c.Damaged ? null : c.Truncated ? "truncated" : "corrupt",
        ["replayed_from_ns"] = c.FirstMessageNs,
        ["replayed_up_to_ns"] = c.LastMessageNs,
        ["log_end_ns"] = c.LogEndNs,
        ["stopped_at_byte"] = c.StoppedAtByte,
        ["reason"] = c.Reason,
        ["messages_read"] = c.MessagesRead,
    };
}
