using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Bench.Models;
using MultiRate.Cli.Infrastructure;
using MultiRate.Inference.Benchmarks;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench models [--json] [--quick]</c>: head latency vs width and experts, context time per step vs d_model, and the dense-vs-multirate headline.</summary>
internal static class ModelsBenchCommand
{
    public static int Execute(ModelsBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        bool quick = a.Quick;
        ScaleBenchmarkOptions scaleOptions = ScaleOptions.For(a);
        var options = quick
            ? new ModelBenchmarkOptions { HeadSamples = 300, ContextSamples = 8, WarmUp = 50 }
            : new ModelBenchmarkOptions();
        if (!a.Json)
        {
            console.WriteLine(quick ? "Measuring models (quick)..." : "Measuring models (about a minute)...");
        }

        ModelBenchmarkReport r = ModelBenchmarks.Run(options);
        ScaleReport scales = ScaleReport.Run(scaleOptions);
        DenseVsMultirate h = r.Headline;
        if (a.Json)
        {
            JsonArray byWidth = Points(r.HeadByWidth);
            foreach (JsonNode? p in byWidth)
            {
                p!["device"] = "cpu";
            }

            // The CPU sweep above already has its widths; the scale sweep adds the wider ones and other devices.
            var cpuWidths = r.HeadByWidth.Select(p => p.Value).ToHashSet();
            foreach (JsonObject p in scales.WidthJson().Where(p => (string?)p["device"] != "cpu" || !cpuWidths.Contains((int)p["value"]!)))
            {
                byWidth.Add(p);
            }

            Json.Write(stdout, new JsonObject
            {
                ["head_by_width"] = byWidth,
                ["head_crossover_width"] = scales.CrossoverWidth,
                ["scales"] = scales.ScalesJson(),
                ["interference"] = scales.InterferenceJson(),
                ["scales_method"] = scales.Method,
                ["head_by_experts"] = Points(r.HeadByExperts),
                ["context_per_step_by_d_model"] = Points(r.ContextByDModel),
                ["dense_vs_multirate"] = new JsonObject
                {
                    ["total_params"] = h.Parameters,
                    ["dense_max_hz"] = Json.Round(h.DenseMaxRateHz, 1),
                    ["multirate_max_hz"] = Json.Round(h.MultirateMaxRateHz, 1),
                    ["rate_ratio"] = Json.Round(h.MultirateMaxRateHz / h.DenseMaxRateHz, 2),
                    ["context_max_hz"] = Json.Round(h.ContextMaxRateHz, 1),
                    ["dense_tick_us"] = Lat(h.DenseTick),
                    ["head_tick_us"] = Lat(h.HeadTick),
                    ["context_update_us"] = Lat(h.ContextUpdate),
                    ["safety_factor"] = h.SafetyFactor,
                },
                ["method"] = r.Method,
            });
            return 0;
        }

        Table("head latency vs hidden width", r.HeadByWidth, console);
        Table("MoE head (top-1) vs experts", r.HeadByExperts, console);
        Table("context time per recursion step vs d_model", r.ContextByDModel, console);
        var t = new Table().AddColumns("same parameters", "p50 us", "p99 us", "max sustained Hz");
        t.AddRow($"dense single-rate (whole model every tick, {h.Parameters:N0} params)", F(h.DenseTick.P50Us), F(h.DenseTick.P99Us), F(h.DenseMaxRateHz));
        t.AddRow("MultiRate fast head (context amortised on its own thread)", F(h.HeadTick.P50Us), F(h.HeadTick.P99Us), F(h.MultirateMaxRateHz));
        t.AddRow("MultiRate slow context update", F(h.ContextUpdate.P50Us), F(h.ContextUpdate.P99Us), F(h.ContextMaxRateHz));
        console.Write(t);
        console.WriteLine($"rate ratio (multirate / dense): {(h.MultirateMaxRateHz / h.DenseMaxRateHz).ToString("0.0", CultureInfo.InvariantCulture)}x");
        console.WriteLine(r.Method);
        ScaleTables.Write(scales, console);
        return 0;
    }

    private static void Table(string title, IReadOnlyList<BenchmarkPoint> points, IAnsiConsole console)
    {
        var t = new Table { Title = new TableTitle(title) }.AddColumns("config", "params", "p50 us", "p99 us", "max us", "samples");
        foreach (BenchmarkPoint p in points)
        {
            t.AddRow(Markup.Escape(p.Label), p.Parameters.ToString("N0", CultureInfo.InvariantCulture), F(p.Latency.P50Us), F(p.Latency.P99Us), F(p.Latency.MaxUs), p.Latency.Samples.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(t);
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
        ["p50"] = Json.Round(l.P50Us),
        ["p99"] = Json.Round(l.P99Us),
        ["max"] = Json.Round(l.MaxUs),
        ["samples"] = l.Samples,
    };

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
