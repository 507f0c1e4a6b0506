using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Bench.Models;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Models;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench gpu [--device cuda|ilgpu-cpu] [--samples N] [--max-width N] [--json]</c>.</summary>
internal static class GpuCheckCommand
{
    private const int WidthTicks = 300;
    private const int ContextSamples = 20;

    public static int Execute(string device, int samples, int maxWidth, bool json, TextWriter stdout, IAnsiConsole console)
    {
        ComputeDevice target = device == "ilgpu-cpu" ? ComputeDevice.IlgpuCpu : ComputeDevice.Cuda;
        string reference = GpuCheck.Reference(); // torch-cpu, or ilgpu-cpu where TorchSharp's native layer does not load
        string name = GpuCheck.DeviceName(target, reference); // 'cuda' without a CUDA device: one message, exit 2
        IReadOnlyList<GpuCheckResult> results = GpuCheck.Run(target, samples, reference);
        IReadOnlyList<GpuWidthResult> widths = GpuCheck.Widths(target, maxWidth, WidthTicks);

        // The context's weights come from TorchSharp's seeded init: without its native layer there is nothing to compare.
        int contextSamples = Math.Min(samples, ContextSamples);
        IReadOnlyList<GpuContextCheckResult> contexts = reference == GpuCheck.TorchReference ? GpuContextCheck.Run(target, contextSamples) : [];
        bool passed = results.All(r => r.Passed) && contexts.All(r => r.Passed);
        if (json)
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

            Json.Write(stdout, new JsonObject
            {
                ["device"] = name,
                ["reference"] = reference,
                ["tolerance"] = GpuCheck.Tolerance,
                ["passed"] = passed,
                ["variants"] = variants,
                ["head_by_width"] = byWidth,
                ["context_tolerance"] = GpuContextCheck.Tolerance,
                ["context_variants"] = contextVariants,
                ["method"] = $"Each variant: seeded head built twice from the same weights, as the reference ({reference}: " +
                    (reference == GpuCheck.TorchReference ? "the TorchSharp CPU head, fixed-order kernels" : "TorchSharp's native layer did not load, so the same kernels on ILGPU's CPU accelerator, parameters drawn in managed code") +
                    $") and on the device; {samples} random inputs; max |device - reference| per action over the action's half range. Then 500 ticks of the device head: " +
                    "managed bytes allocated on the calling thread per tick, and the median tick including the copies to and from the device. " +
                    $"head_by_width: one hidden layer of each width, seeded parameters, {WidthTicks} ticks each after 20 warm-up ticks, copies included. " +
                    (reference == GpuCheck.TorchReference
                        ? $"context_variants: seeded context built twice from the same weights, on the CPU (fixed-order kernels) and on the device; {contextSamples} random histories; " +
                            "max |device - cpu| per latent value; then the median of 20 device updates (K steps, a wait on the context's stream after each, copies included)."
                        : "context_variants: empty, because the context's weights come from TorchSharp, whose native layer did not load."),
            });
            return passed ? 0 : 1;
        }

        var t = new Table { Title = new TableTitle($"action head on {Markup.Escape(name)} vs the reference ({Markup.Escape(reference)})") }
            .AddColumns("variant", "samples", "max error", "passed", "bytes/tick", "p50 us");
        foreach (GpuCheckResult r in results)
        {
            t.AddRow(Markup.Escape(r.Variant), r.Samples.ToString(CultureInfo.InvariantCulture), r.MaxError.ToString("E2", CultureInfo.InvariantCulture), r.Passed ? "yes" : "NO", r.AllocatedBytesPerTick.ToString("0.0", CultureInfo.InvariantCulture), r.HeadP50Us.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(t);
        var wt = new Table { Title = new TableTitle("device head tick by hidden width") }.AddColumns("width", "params", "p50 us", "p99 us");
        foreach (GpuWidthResult w in widths)
        {
            wt.AddRow(w.Width.ToString(CultureInfo.InvariantCulture), w.Parameters.ToString("N0", CultureInfo.InvariantCulture), w.P50Us.ToString("0.0", CultureInfo.InvariantCulture), w.P99Us.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(wt);
        if (contexts.Count > 0)
        {
            var ct = new Table { Title = new TableTitle($"context module on {Markup.Escape(name)} vs the CPU context") }.AddColumns("variant", "samples", "max error", "passed", "update p50 us");
            foreach (GpuContextCheckResult r in contexts)
            {
                ct.AddRow(Markup.Escape(r.Variant), r.Samples.ToString(CultureInfo.InvariantCulture), r.MaxError.ToString("E2", CultureInfo.InvariantCulture), r.Passed ? "yes" : "NO", r.UpdateP50Us.ToString("0.0", CultureInfo.InvariantCulture));
            }

            console.Write(ct);
        }

        console.WriteLine(passed ? $"all variants within {GpuCheck.Tolerance:E0} of the action range, contexts within {GpuContextCheck.Tolerance:E0}" : "FAILED: a variant is outside the tolerance or not Ok");
        return passed ? 0 : 1;
    }
}
