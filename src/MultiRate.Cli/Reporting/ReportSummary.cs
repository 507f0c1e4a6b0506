using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Reporting;

/// <summary>
/// The report's "Run summary" section: the recorded <c>/multirate/summary</c> as written by the one
/// summary writer, so the report quotes the same figures as <c>run --json</c> instead of recounting them.
/// </summary>
internal static class ReportSummary
{
    public static void Append(StringBuilder md, JsonObject? summary)
    {
        md.Append("## Run summary\n\n");
        if (summary is null)
        {
            md.Append("The recording has no summary (the run did not finish): the sections below are counted from its messages.\n\n");
            return;
        }

        if (summary["realtime_priority"] is JsonObject priority)
        {
            md.Append(Inv($"Real-time priority: {Text(priority["policy"])} {Text(priority["priority"])}"));
            md.Append(priority["refusal"] is JsonValue refusal ? Inv($" (refused: {Text(refusal)}).\n\n") : ".\n\n");
        }

        md.Append(Inv($"As the run reported it (`{Recording.RecordingTopics.Summary}`, the same object as `run --json`): mode {Text(summary["mode"])}, "));
        md.Append(Inv($"{Text(summary["duration_s"])} s, {Text(summary["actions"])} actions, {Text(summary["stale_ticks"])} stale ticks"));
        md.Append(summary["stopped_early"] is JsonValue stopped && (bool)stopped ? ", stopped early.\n\n" : ".\n\n");
        md.Append("| clock | ticks | misses | skipped periods | faults | budget us |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (JsonNode? clock in summary["clocks"] as JsonArray ?? [])
        {
            md.Append(Inv($"| {Text(clock?["name"])} | {Text(clock?["ticks"])} | {Text(clock?["misses"])} | {Text(clock?["skipped_periods"])} | {Text(clock?["faults"])} | {Text(clock?["budget_us"])} |\n"));
        }

        AppendPeriods(md, summary);
        JsonNode? age = summary["latent_age_ms"];
        md.Append(Inv($"\nLatent age ms: p50 {Text(age?["p50"])}, p99 {Text(age?["p99"])}, max {Text(age?["max"])}. "));
        string guards = string.Join(", ", (summary["guards"] as JsonObject ?? []).Where(g => Text(g.Value) != "0").Select(g => Inv($"{g.Key} {Text(g.Value)}")));
        md.Append(guards.Length == 0 ? "No guard fired.\n\n" : $"Guards fired: {guards}.\n\n");
    }

    /// <summary>Every period accounted for (the summary's <c>periods</c>): elapsed = served + gaps, the gaps by reason.</summary>
    private static void AppendPeriods(StringBuilder md, JsonObject summary)
    {
        if (summary["periods"] is not JsonObject periods)
        {
            return;
        }

        md.Append("\nPeriods (served: actions sent on the action clock, ticks on a context clock; gaps: periods without an action, or skipped periods; see docs/vocabulary.md):\n\n");
        md.Append("| clock | elapsed | served | gaps | gap reasons | adds up |\n|---|---:|---:|---:|---|---|\n");
        foreach ((string clock, JsonNode? p) in periods)
        {
            string reasons = string.Join(", ", (p?["gap_reasons"] as JsonObject ?? []).Select(r => Inv($"{r.Key} {Text(r.Value)}")));
            md.Append(Inv($"| {clock} | {Text(p?["elapsed"])} | {Text(p?["served"])} | {Text(p?["gaps"])} | {reasons} | {(p?["balanced"] is JsonValue b && (bool)b ? "yes" : "NO")} |\n"));
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
