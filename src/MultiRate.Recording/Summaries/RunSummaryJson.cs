using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording.Summaries;

/// <summary>
/// The one writer of a run's summary as JSON: <c>multirate run --json</c> and <c>replay --json</c>,
/// the recording's <c>/multirate/summary</c> message, the golden files (a projection of this output)
/// and what <c>multirate report</c> reads all come from here, so they cannot drift apart. The shape is
/// <see cref="Schema"/> (<c>docs/schemas/run-summary.schema.json</c>).
/// </summary>
/// <remarks>
/// Field names are an interface users script against: <c>ticks</c>, <c>misses</c> (per clock),
/// <c>actions</c>, <c>actions_sha256</c> and <c>latent_age_ms</c> {p50, p99, max} must not change.
/// When a log was replayed, <c>replay</c> says how much of it: <c>truncated</c> (the replay stopped at
/// damage before the log's end), <c>replayed_up_to_ns</c>, <c>log_end_ns</c> (null when the damage
/// hides it), <c>stopped_at_byte</c>, <c>reason</c> and <c>messages_read</c>. A non-finite figure
/// (a percentile of nothing) is written as null, which every JSON parser accepts.
/// Called once per run, off the clock threads: it allocates freely.
/// </remarks>
public static class RunSummaryJson
{
    /// <summary>File name of the schema (under <c>docs/schemas/</c>, embedded in this assembly).</summary>
    public const string SchemaFileName = "run-summary.schema.json";

    /// <summary>The JSON Schema (draft 2020-12) of the summary; its title is the recording's schema name.</summary>
    public static string Schema { get; } = ReadSchema();

    /// <summary>Writes the summary as one JSON object.</summary>
    /// <param name="json">The destination (positioned where a value may start).</param>
    /// <param name="summary">The run's summary.</param>
    /// <param name="replay">How much of a replayed log the run covered; null for a synthetic or live source.</param>
    public static void Write(Utf8JsonWriter json, RunSummary summary, LogCoverage? replay = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(summary);
        json.WriteStartObject();
        if (summary.Priority is { } priority)
        {
            // First, as in the text summary: what scheduling the real-time run got decides how to read the rest.
            json.WriteStartObject("realtime_priority");
            json.WriteString("policy", priority.Policy);
            NullableNumber(json, "priority", priority.Granted);
            NullableNumber(json, "requested", priority.Requested);
            NullableString(json, "refusal", priority.Refusal);
            json.WriteEndObject();
        }

        json.WriteString("profile", summary.Profile);
        json.WriteString("mode", summary.Mode);
        Number(json, "duration_s", summary.DurationSeconds, 6);
        Number(json, "wall_s", summary.WallSeconds, 3);
        PerClock(json, "ticks", summary.Clocks, c => c.Ticks);
        PerClock(json, "misses", summary.Clocks, c => c.Misses);
        PerClock(json, "skipped_periods", summary.Clocks, c => c.SkippedPeriods);
        json.WriteNumber("actions", summary.Actions);
        Counts(json, "actions_by_kind", summary.ActionsByKind);
        json.WriteString("actions_sha256", summary.ActionsSha256);
        Percentiles(json, "latent_age_ms", summary.LatentAgeP50Ms, summary.LatentAgeP99Ms, summary.LatentAgeMaxMs);
        json.WriteNumber("stale_ticks", summary.StaleTicks);
        Counts(json, "latents_published", summary.LatentsPublished);
        json.WriteNumber("last_latent_version", summary.LastLatentVersion);
        Number(json, "recursion_steps_p50", summary.RecursionStepsP50, null);
        Counts(json, "guards", summary.Guards);
        if (summary.Devices.Count > 0)
        {
            // Where each module ran (cpu, cuda:0 <GPU>, ilgpu-cpu): a GPU head's actions are not the CPU's bits.
            json.WriteStartObject("devices");
            foreach ((string module, string device) in summary.Devices.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(module, device);
            }

            json.WriteEndObject();
        }

        json.WriteBoolean("stopped_early", summary.StoppedEarly);
        json.WriteString("stop_reason", summary.StopReason);
        if (summary.Ledger is { } ledger)
        {
            Periods(json, ClockPeriods.Of(ledger));

            // The ledger itself, so scripts and report read every count under the one name it is kept by.
            json.WriteStartObject("ledger");
            Counts(json, "totals", ledger.Totals);
            json.WriteStartObject("clocks");
            foreach (string clock in ledger.Clocks)
            {
                Counts(json, clock, ledger.ByClock[clock]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("clocks");
        foreach (ClockSummary c in summary.Clocks)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteNumber("rate_hz", c.RateHz);
            json.WriteNumber("ticks", c.Ticks);
            json.WriteNumber("misses", c.Misses);
            json.WriteNumber("skipped_periods", c.SkippedPeriods);
            json.WriteNumber("faults", c.Faults);
            Number(json, "budget_us", c.BudgetUs, null);
            Percentiles(json, "latency_us", c.LatencyP50Us, c.LatencyP99Us, c.LatencyMaxUs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (replay is not null)
        {
            json.WritePropertyName("replay");
            WriteReplay(json, replay);
        }

        json.WriteEndObject();
    }

    /// <summary>The summary as a JSON object (what <see cref="Write"/> writes).</summary>
    public static JsonObject ToJsonObject(RunSummary summary, LogCoverage? replay = null) =>
        Build(json => Write(json, summary, replay));

    /// <summary>The <c>replay</c> object alone: how much of a replayed log the run covered.</summary>
    public static JsonObject Replay(LogCoverage coverage) => Build(json => WriteReplay(json, coverage));

    private static void WriteReplay(Utf8JsonWriter json, LogCoverage c)
    {
        ArgumentNullException.ThrowIfNull(c);
        json.WriteStartObject();
        json.WriteBoolean("truncated", c.Damaged);
        NullableString(json, "damage", !c.Damaged ? null : c.Truncated ? "truncated" : "corrupt");
        NullableNumber(json, "replayed_from_ns", c.FirstMessageNs);
        NullableNumber(json, "replayed_up_to_ns", c.LastMessageNs);
        NullableNumber(json, "log_end_ns", c.LogEndNs);
        NullableNumber(json, "stopped_at_byte", c.StoppedAtByte);
        NullableString(json, "reason", c.Reason);
        json.WriteNumber("messages_read", c.MessagesRead);
        json.WriteEndObject();
    }

    private static JsonObject Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>A figure rounded to <paramref name="digits"/> (null: as is); null when not finite.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value, int? digits)
    {
        if (!double.IsFinite(value))
        {
            json.WriteNull(name);
            return;
        }

        json.WriteNumber(name, digits is int d ? Math.Round(value, d) : value);
    }

    private static void Percentiles(Utf8JsonWriter json, string name, double p50, double p99, double max)
    {
        json.WriteStartObject(name);
        Number(json, "p50", p50, 3);
        Number(json, "p99", p99, 3);
        Number(json, "max", max, 3);
        json.WriteEndObject();
    }

    /// <summary>Every clock's periods: elapsed = served + gaps, the gaps by reason, and whether they add up.</summary>
    private static void Periods(Utf8JsonWriter json, IReadOnlyList<ClockPeriods> clocks)
    {
        json.WriteStartObject("periods");
        foreach (ClockPeriods c in clocks)
        {
            json.WriteStartObject(c.Clock);
            json.WriteNumber("elapsed", c.Elapsed);
            json.WriteNumber("served", c.Served);
            json.WriteNumber("gaps", c.Gaps);
            Counts(json, "gap_reasons", c.GapReasons);
            json.WriteBoolean("balanced", c.Balanced);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteBoolean("periods_accounted", clocks.All(c => c.Balanced));
    }

    private static void PerClock(Utf8JsonWriter json, string name, IReadOnlyList<ClockSummary> clocks, Func<ClockSummary, long> value)
    {
        json.WriteStartObject(name);
        foreach (ClockSummary c in clocks)
        {
            json.WriteNumber(c.Name, value(c));
        }

        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (KeyValuePair<string, long> kv in counts)
        {
            json.WriteNumber(kv.Key, kv.Value);
        }

        json.WriteEndObject();
    }

    private static void NullableNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string ReadSchema()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SchemaFileName)
            ?? throw new InvalidOperationException($"embedded resource {SchemaFileName} is missing from {typeof(RunSummaryJson).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
