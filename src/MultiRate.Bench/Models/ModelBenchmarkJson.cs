using System.Text.Json.Nodes;

namespace MultiRate.Bench.Models;

/// <summary>The models benchmark's report as JSON (the <c>bench models --json</c> document).</summary>
public static class ModelBenchmarkJson
{
    /// <summary>The report with stable snake_case field names.</summary>
    /// <param name="r">What <see cref="ModelBenchmarks.Run"/> returned.</param>
    /// <returns>The JSON report.</returns>
    public static JsonObject ToJson(this ModelBenchmarkReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        DenseVsMultirate h = r.Headline;
        return new JsonObject
        {
            ["head_by_width"] = Points(r.HeadByWidth),
            ["head_by_experts"] = Points(r.HeadByExperts),
            ["context_per_step_by_d_model"] = Points(r.ContextByDModel),
            ["dense_vs_multirate"] = new JsonObject
            {
                ["total_params"] = h.Parameters,
                ["dense_max_hz"] = BenchJson.Round(h.DenseMaxRateHz, 1),
                ["multirate_max_hz"] = BenchJson.Round(h.MultirateMaxRateHz, 1),
                ["rate_ratio"] = BenchJson.Round(h.MultirateMaxRateHz / h.DenseMaxRateHz, 2),
                ["context_max_hz"] = BenchJson.Round(h.ContextMaxRateHz, 1),
                ["dense_tick_us"] = Lat(h.DenseTick),
                ["head_tick_us"] = Lat(h.HeadTick),
                ["context_update_us"] = Lat(h.ContextUpdate),
                ["safety_factor"] = h.SafetyFactor,
            },
            ["method"] = r.Method,
        };
    }

    /// <summary>The report with the scale measurements: <c>head_by_width</c> gains a <c>device</c> per row and the
    /// wider widths and other devices of the scale sweep; <c>head_crossover_width</c>, <c>scales</c>,
    /// <c>interference</c> and <c>scales_method</c> are added.</summary>
    /// <param name="r">What <see cref="ModelBenchmarks.Run"/> returned.</param>
    /// <param name="scales">What <see cref="ScaleReport.Run"/> returned.</param>
    /// <returns>The JSON report (<c>docs/schemas/bench-models.schema.json</c>).</returns>
    public static JsonObject ToJson(this ModelBenchmarkReport r, ScaleReport scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        JsonObject json = r.ToJson();
        JsonArray byWidth = json["head_by_width"]!.AsArray();
        foreach (JsonNode? p in byWidth)
        {
            p!["device"] = "cpu";
        }

        // The CPU sweep already has its widths; the scale sweep adds the wider ones and other devices.
        var cpuWidths = r.HeadByWidth.Select(p => p.Value).ToHashSet();
        foreach (JsonObject p in scales.WidthJson().Where(p => (string?)p["device"] != "cpu" || !cpuWidths.Contains((int)p["value"]!)))
        {
            byWidth.Add(p);
        }

        json["head_crossover_width"] = scales.CrossoverWidth;
        json["scales"] = scales.ScalesJson();
        json["interference"] = scales.InterferenceJson();
        json["scales_method"] = scales.Method;
        return json;
    }

    private static JsonArray Points(IReadOnlyList<BenchmarkPoint> points)
    {
        var a = new JsonArray();
        foreach (BenchmarkPoint p in points)
        {
            a.Add(new JsonObject { ["label"] = p.Label, ["value"] = p.Value, ["params"] = p.Parameters, ["latency_us"] = Lat(p.Latency) });
        }

        return a;
    }

    private static JsonObject Lat(LatencyStats l) => new()
    {
        ["p50"] = BenchJson.Round(l.P50Us),
        ["p99"] = BenchJson.Round(l.P99Us),
        ["max"] = BenchJson.Round(l.MaxUs),
        ["samples"] = l.Samples,
    };
}
