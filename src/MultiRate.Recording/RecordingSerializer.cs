using System.Buffers;
using System.Text.Json;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Logs.Abstractions;
using MultiRate.Recording.Summaries;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording;

/// <summary>
/// Turns ring events into the channels' JSON messages with one <see cref="Utf8JsonWriter"/> over one
/// reused buffer. Property names and enum strings are encoded once.
/// </summary>
/// <remarks>Writer thread only. The returned span is valid until the next call.</remarks>
internal sealed class RecordingSerializer : IDisposable
{
    private static readonly JsonEncodedText Tick = JsonEncodedText.Encode("tick");
    private static readonly JsonEncodedText TimeNs = JsonEncodedText.Encode("time_ns");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText LatencyUs = JsonEncodedText.Encode("latency_us");
    private static readonly JsonEncodedText DecisionUs = JsonEncodedText.Encode("decision_us");
    private static readonly JsonEncodedText BudgetUs = JsonEncodedText.Encode("budget_us");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Missed = JsonEncodedText.Encode("missed");
    private static readonly JsonEncodedText LatentVersion = JsonEncodedText.Encode("latent_version");
    private static readonly JsonEncodedText LatentAgeMs = JsonEncodedText.Encode("latent_age_ms");
    private static readonly JsonEncodedText FinishedNs = JsonEncodedText.Encode("finished_ns");
    private static readonly JsonEncodedText RecursionSteps = JsonEncodedText.Encode("recursion_steps");
    private static readonly JsonEncodedText Clock = JsonEncodedText.Encode("clock");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText SourceTimeNs = JsonEncodedText.Encode("source_time_ns");
    private static readonly JsonEncodedText ComputedAtNs = JsonEncodedText.Encode("computed_at_ns");
    private static readonly JsonEncodedText PublishedNs = JsonEncodedText.Encode("published_ns");
    private static readonly JsonEncodedText AgeAtPublishMs = JsonEncodedText.Encode("age_at_publish_ms");
    private static readonly JsonEncodedText L2Norm = JsonEncodedText.Encode("l2_norm");
    private static readonly JsonEncodedText Dimension = JsonEncodedText.Encode("dimension");

    private static readonly JsonEncodedText[] ActionKinds =
        [JsonEncodedText.Encode("model"), JsonEncodedText.Encode("degraded"), JsonEncodedText.Encode("hold"), JsonEncodedText.Encode("safe")];

    private static readonly JsonEncodedText[] FastOutcomes =
        [JsonEncodedText.Encode("ok"), JsonEncodedText.Encode("stale"), JsonEncodedText.Encode("stale_safe"), JsonEncodedText.Encode("miss"), JsonEncodedText.Encode("fault"), JsonEncodedText.Encode("dropped")];

    private static readonly JsonEncodedText[] SlowOutcomes =
        [JsonEncodedText.Encode("completed"), JsonEncodedText.Encode("skipped"), JsonEncodedText.Encode("faulted"), JsonEncodedText.Encode("rejected")];

    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");

    /// <summary>Ledger entry names, indexed by <see cref="LedgerEntry"/> value (the schema's enum lists those of the fault entries).</summary>
    internal static readonly JsonEncodedText[] FaultKinds =
        [.. LedgerNames.All.Select(k => JsonEncodedText.Encode(LedgerNames.Name(k)))];

    private static readonly JsonEncodedText Unknown = JsonEncodedText.Encode("unknown");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public RecordingSerializer() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>True when a fast-tick outcome counts as a deadline miss (a fallback went out at the deadline).</summary>
    public static bool IsMiss(FastTickOutcome outcome) => outcome is FastTickOutcome.Miss or FastTickOutcome.Dropped;

    public ReadOnlySpan<byte> Action(in RecorderEvent e, ReadOnlySpan<float> values)
    {
        Begin();
        _json.WriteNumber(Tick, e.Tick);
        _json.WriteNumber(TimeNs, e.TimeNs);
        _json.WriteString(Kind, Name(ActionKinds, e.Code));
        _json.WriteStartArray(Values);
        foreach (float v in values)
        {
            // The output stage guards against NaN/Inf; null keeps the writer alive if one ever slips through.
            if (float.IsFinite(v))
            {
                _json.WriteNumberValue(v);
            }
            else
            {
                _json.WriteNullValue();
            }
        }

        _json.WriteEndArray();
        return End();
    }

    public ReadOnlySpan<byte> FastTick(in RecorderEvent e)
    {
        Begin();
        _json.WriteNumber(Tick, e.Tick);
        _json.WriteNumber(TimeNs, e.TimeNs);
        _json.WriteNumber(LatencyUs, e.A / 1000.0);
        _json.WriteNumber(DecisionUs, e.B / 1000.0);
        _json.WriteNumber(BudgetUs, e.C / 1000.0);
        _json.WriteString(Outcome, Name(FastOutcomes, e.Code));
        _json.WriteBoolean(Missed, IsMiss((FastTickOutcome)e.Code));
        _json.WriteNumber(LatentVersion, e.D);
        _json.WriteNumber(LatentAgeMs, e.E < 0 ? -1.0 : e.E / 1e6);
        return End();
    }

    public ReadOnlySpan<byte> SlowTick(in RecorderEvent e)
    {
        Begin();
        _json.WriteNumber(Tick, e.Tick);
        _json.WriteNumber(TimeNs, e.TimeNs);
        _json.WriteNumber(FinishedNs, e.A);
        _json.WriteNumber(LatencyUs, e.B / 1000.0);
        _json.WriteNumber(BudgetUs, e.C / 1000.0);
        _json.WriteString(Outcome, Name(SlowOutcomes, e.Code));
        _json.WriteBoolean(Missed, (SlowTickOutcome)e.Code == SlowTickOutcome.Skipped);
        _json.WriteNumber(RecursionSteps, e.Count);
        return End();
    }

    public ReadOnlySpan<byte> Latent(string clock, LatentSnapshot s, long publishedNs)
    {
        Begin();
        _json.WriteString(Clock, clock);
        _json.WriteNumber(Version, s.Version);
        _json.WriteNumber(Tick, s.SourceTick);
        _json.WriteNumber(SourceTimeNs, s.SourceTimeNs);
        _json.WriteNumber(ComputedAtNs, s.ProducedAtNs);
        _json.WriteNumber(PublishedNs, publishedNs);
        _json.WriteNumber(AgeAtPublishMs, (publishedNs - s.SourceTimeNs) / 1e6);
        double sum = 0;
        foreach (float v in s.Values)
        {
            sum += (double)v * v;
        }

        double norm = Math.Sqrt(sum);
        if (double.IsFinite(norm))
        {
            _json.WriteNumber(L2Norm, norm);
        }
        else
        {
            // A latent holding NaN or Inf: JSON has no literal for it (see FiniteJson).
            _json.WriteNull(L2Norm);
        }
        _json.WriteNumber(RecursionSteps, s.RecursionSteps);
        _json.WriteNumber(Dimension, s.Values.Length);
        return End();
    }

    public ReadOnlySpan<byte> Fault(in RecorderEvent e)
    {
        Begin();
        _json.WriteString(Kind, Name(FaultKinds, e.Code));
        _json.WriteString(Source, e.Source);
        _json.WriteNumber(Tick, e.Tick);
        _json.WriteNumber(TimeNs, e.TimeNs);
        return End();
    }

    /// <summary>The run's summary, written by the one summary writer (the same object as <c>run --json</c>).</summary>
    public ReadOnlySpan<byte> Summary(RunSummary summary, LogCoverage? replay)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        RunSummaryJson.Write(_json, summary, replay);
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _json.Dispose();

    private static JsonEncodedText Name(JsonEncodedText[] names, int code) => (uint)code < (uint)names.Length ? names[code] : Unknown;

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private ReadOnlySpan<byte> End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan;
    }
}
