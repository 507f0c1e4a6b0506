using System.Text.Json.Nodes;
using MultiRate.Bench.Models;
using MultiRate.Cli.Infrastructure;

namespace MultiRate.Cli.Commands;

/// <summary><c>bench gpu --json</c>'s object (schema: docs/schemas/bench-gpu.schema.json).</summary>
internal static class GpuCheckJson
{
    public static JsonObject Build(
        string device,
        string reference,
        bool passed,
        IReadOnlyList<GpuCheckResult> results,
        IReadOnlyList<GpuWidthResult> widths,
        int widthTicks,
        IReadOnlyList<GpuContextCheckResult> contexts,
        Interference? interference,
        ScaleBenchmarkOptions options,
        int samples,
        int contextSamples)
    {
        var variants = new JsonArray();
        foreach (GpuCheckResult r in results)
        {
            variants.Add(new JsonObject
            {
                ["variant"] = r.Variant,
                ["reference"] = r.Reference,
                ["samples"] = r.Samples,
                ["max_error"] = r.MaxError,
                ["passed"] = r.Passed,
                ["allocated_bytes_per_tick"] = Json.Round(r.AllocatedBytesPerTick, 1),
                ["head_p50_us"] = Json.Round(r.HeadP50Us, 1),
            });
        }

        var byWidth = new JsonArray();
        foreach (GpuWidthResult w in widths)
        {
            byWidth.Add(new JsonObject
            {
                ["width"] = w.Width,
                ["params"] = w.Parameters,
                ["p50_us"] = Json.Round(w.P50Us, 1),
                ["p99_us"] = Json.Round(w.P99Us, 1),
            });
        }

        var contextVariants = new JsonArray();
        foreach (GpuContextCheckResult r in contexts)
        {
            contextVariants.Add(new JsonObject
            {
                ["variant"] = r.Variant,
                ["samples"] = r.Samples,
                ["max_error"] = r.MaxError,
                ["passed"] = r.Passed,
                ["update_p50_us"] = Json.Round(r.UpdateP50Us, 1),
            });
        }

        bool torch = reference == GpuCheck.TorchReference;
        var json = new JsonObject
        {
            ["device"] = device,
            ["reference"] = reference,
            ["tolerance"] = GpuCheck.Tolerance,
            ["passed"] = passed,
            ["variants"] = variants,
            ["head_by_width"] = byWidth,
            ["context_tolerance"] = GpuContextCheck.Tolerance,
            ["context_variants"] = contextVariants,
        };
        if (interference is not null)
        {
            json["interference"] = ScaleReport.ToJson(interference);
        }

        json["method"] = $"Each variant: seeded head built twice from the same weights, as the reference ({reference}: " +
            (torch ? "the TorchSharp CPU head, fixed-order kernels" : "TorchSharp's native layer did not load, so the same kernels on ILGPU's CPU accelerator, parameters drawn in managed code") +
            $") and on the device; {samples} random inputs; max |device - reference| per action over the action's half range. Then 500 ticks of the device head: " +
            "managed bytes allocated on the calling thread per tick, and the median tick including the copies to and from the device. " +
            $"head_by_width: one hidden layer of each width, seeded parameters, {widthTicks} ticks each after 20 warm-up ticks, copies included. " +
            $"context_variants: seeded context built twice from the same weights, as the reference ({(torch ? "the CPU context, fixed-order kernels" : "the same kernels on ILGPU's CPU accelerator, parameters drawn in managed code")}) " +
            $"and on the device; {contextSamples} random histories; max |device - reference| per latent value; then the median of 20 device updates " +
            "(K steps, a wait on the context's stream after each, copies included). " +
            (interference is not null ? GpuInterference.Method(options) : "interference: not measured (--interference-ticks 0).");
        return json;
    }
}
