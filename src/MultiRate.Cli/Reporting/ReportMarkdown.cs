using System.Globalization;
using System.Text;

namespace MultiRate.Cli.Reporting;

/// <summary>Writes the report's <c>summary.md</c>: per-clock tables, actions, latents, fault counts and links to the plots.</summary>
internal static class ReportMarkdown
{
    public static string Build(RecordingData data, IReadOnlyList<(string Caption, string File)> plots)
    {
        var md = new StringBuilder();
        md.Append("# MultiRate run report\n\n");
        string profile = data.Profile.TryGetValue("name", out string? name) ? name : "(not recorded)";
        md.Append(Inv($"Recording: `{data.Path}`, profile `{profile}`, {data.Actions} actions over {Duration(data):0.000} s of run time."));
        md.Append(data.Truncated ? " The file is truncated (no footer): figures cover its complete chunks only.\n\n" : "\n\n");

        ReportSummary.Append(md, data.Summary);
        md.Append("## Clocks\n\n");
        md.Append("| clock | role | ticks | without record | misses | miss % | fallbacks sent | budget us | p50 us | p99 us | max us | over budget | outcomes |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (ClockSeries c in data.Clocks)
        {
            double[] ran = c.RanLatenciesUs();
            long over = c.LatencyUs.Where((l, i) => l > c.BudgetUs[i]).LongCount();
            string outcomes = string.Join(", ", c.Outcomes.Select(o => Inv($"{o.Key} {o.Value}")));
            double missPct = c.Ticks == 0 ? 0 : 100.0 * c.Misses / c.Ticks;
            string fallbacks = c.IsActionClock ? Inv($"{data.FallbackTimesS.Count}") : "-";
            md.Append(Inv($"| {c.Name} | {(c.IsActionClock ? "action" : "context")} | {c.Ticks} | {c.Unrecorded} | {c.Misses} | {missPct:0.##} | {fallbacks} | {c.LastBudgetUs:0.###} | {N(Percentile.Of(ran, 50))} | {N(Percentile.Of(ran, 99))} | {N(ran.DefaultIfEmpty(double.NaN).Max())} | {over} | {outcomes} |\n"));
        }

        md.Append("\nLatency percentiles are over the ticks whose module ran (latency above 0). ");
        md.Append("Words as defined in docs/vocabulary.md. Action clock misses: ticks with no model result by the deadline ");
        md.Append("(outcome miss or dropped); slow clock misses: skipped triggers (the previous update still ran). ");
        md.Append("*Without record*: tick indices up to the last recorded one with no timing message (periods skipped after an overrun, ");
        md.Append("or a slow update still running at the end). *Fallbacks sent*: hold and safe actions, each with one reason ");
        md.Append("(deadline, head fault, non-finite, stale, stop), including those the deadline watchdog sent for skipped periods; ");
        md.Append("the run summary's ledger below counts each reason.\n\n");

        md.Append("## Actions\n\n| kind | count | share % |\n|---|---:|---:|\n");
        foreach (KeyValuePair<string, long> k in data.ActionsByKind)
        {
            md.Append(Inv($"| {k.Key} | {k.Value} | {100.0 * k.Value / Math.Max(1, data.Actions):0.##} |\n"));
        }

        md.Append("\n## Latents\n\n| clock | published | last version | age at publish p50 ms | max ms | recursion steps p50 |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (LatentSeries l in data.Latents)
        {
            md.Append(Inv($"| {l.Clock} | {l.Versions.Count} | {(l.Versions.Count == 0 ? 0 : l.Versions[^1])} | {N(Percentile.Of(l.AgeAtPublishMs, 50))} | {N(l.AgeAtPublishMs.DefaultIfEmpty(double.NaN).Max())} | {N(Percentile.Of(l.RecursionSteps, 50))} |\n"));
        }

        List<double> ages = data.ActionClock.LatentAgeMs.Where(a => a >= 0).ToList();
        long none = data.ActionClock.LatentAgeMs.LongCount(a => a < 0);
        string limit = data.AgeLimitMs is double ms ? Inv($", age limit {ms:0.###} ms") : string.Empty;
        md.Append(Inv($"\nLatent age at the {data.ActionClock.Name} ticks: p50 {N(Percentile.Of(ages, 50))} ms, p99 {N(Percentile.Of(ages, 99))} ms, max {N(ages.DefaultIfEmpty(double.NaN).Max())} ms; {none} ticks had no latent{limit}.\n\n"));

        md.Append("## Faults\n\n");
        if (data.Faults.Count == 0)
        {
            md.Append("No faults recorded.\n\n");
        }
        else
        {
            md.Append("| kind | source | count |\n|---|---|---:|\n");
            foreach (KeyValuePair<(string Kind, string Source), long> f in data.Faults)
            {
                md.Append(Inv($"| {f.Key.Kind} | {f.Key.Source} | {f.Value} |\n"));
            }

            md.Append(Inv($"\n{data.Faults.Values.Sum()} faults in all (`{Recording.RecordingTopics.Faults}`).\n\n"));
        }

        md.Append("## Plots\n\n");
        foreach ((string caption, string file) in plots)
        {
            md.Append(Inv($"### {caption}\n\n![{caption}]({file})\n\n"));
        }

        return md.ToString();
    }

    private static double Duration(RecordingData data) => data.ActionClock.Ticks == 0 ? 0 : data.ActionClock.TimeS[^1] - data.ActionClock.TimeS[0];

    private static string N(double v) => double.IsNaN(v) ? "-" : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
