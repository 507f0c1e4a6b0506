using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Bench.Models;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Models;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench gpu [--device cuda|ilgpu-cpu] [--samples N] [--json]</c>.</summary>
internal static class GpuCheckCommand
{
    public static int Execute(string device, int samples, bool json, TextWriter stdout, IAnsiConsole console)
    {
        ComputeDevice target = device == "ilgpu-cpu" ? ComputeDevice.IlgpuCpu : ComputeDevice.Cuda;
        string name = GpuCheck.DeviceName(target); // 'cuda' without a CUDA device: one message, exit 2
        IReadOnlyList<GpuCheckResult> results = GpuCheck.Run(target, samples);
        bool passed = results.All(r => r.Passed);
        if (json)
        {
            var variants = new JsonArray();
            foreach (GpuCheckResult r in results)
            {
                variants.Add(new JsonObject
                {
                    ["variant"] = r.Variant,
                    ["samples"] = r.Samples,
                    ["max_error"] = r.MaxError,
                    ["passed"] = r.Passed,
                    ["allocated_bytes_per_tick"] = Json.Round(r.AllocatedBytesPerTick, 1),
                    ["head_p50_us"] = Json.Round(r.HeadP50Us, 1),
                });
            }

            Json.Write(stdout, new JsonObject
            {
                ["device"] = name,
                ["tolerance"] = GpuCheck.Tolerance,
                ["passed"] = passed,
                ["variants"] = variants,
                ["method"] = "Each variant: seeded head built twice from the same weights, on the CPU (fixed-order kernels) and on the device; " +
                    $"{samples} random inputs; max |device - cpu| per action over the action's half range. Then 500 ticks of the device head: " +
                    "managed bytes allocated on the calling thread per tick, and the median tick including the copies to and from the device.",
            });
            return passed ? 0 : 1;
        }

        var t = new Table { Title = new TableTitle($"action head on {Markup.Escape(name)} vs the CPU head") }
            .AddColumns("variant", "samples", "max error", "passed", "bytes/tick", "p50 us");
        foreach (GpuCheckResult r in results)
        {
            t.AddRow(Markup.Escape(r.Variant), r.Samples.ToString(CultureInfo.InvariantCulture), r.MaxError.ToString("E2", CultureInfo.InvariantCulture), r.Passed ? "yes" : "NO", r.AllocatedBytesPerTick.ToString("0.0", CultureInfo.InvariantCulture), r.HeadP50Us.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(t);
        console.WriteLine(passed ? $"all variants within {GpuCheck.Tolerance:E0} of the action range" : "FAILED: a variant is outside the tolerance or not Ok");
        return passed ? 0 : 1;
    }
}
