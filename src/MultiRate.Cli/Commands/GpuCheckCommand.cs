using System.Globalization;
using MultiRate.Bench.Models;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Models;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench gpu [--device cuda|ilgpu-cpu] [--samples N] [--max-width N] [--interference-ticks N] [--json]</c>.</summary>
internal static class GpuCheckCommand
{
    private const int WidthTicks = 300;
    private const int ContextSamples = 20;

    public static int Execute(string device, int samples, int maxWidth, int interferenceTicks, bool json, TextWriter stdout, IAnsiConsole console)
    {
        ComputeDevice target = device == "ilgpu-cpu" ? ComputeDevice.IlgpuCpu : ComputeDevice.Cuda;
        string reference = GpuCheck.Reference(); // torch-cpu, or ilgpu-cpu where TorchSharp's native layer does not load
        string name = GpuCheck.DeviceName(target, reference); // 'cuda' without a CUDA device: one message, exit 2
        IReadOnlyList<GpuCheckResult> results = GpuCheck.Run(target, samples, reference);
        IReadOnlyList<GpuWidthResult> widths = GpuCheck.Widths(target, maxWidth, WidthTicks);

        int contextSamples = Math.Min(samples, ContextSamples);
        IReadOnlyList<GpuContextCheckResult> contexts = GpuContextCheck.Run(target, contextSamples, reference);

        // Seeded head and context on the one device (no TorchSharp): the interference measurement even where bench models cannot run.
        var options = new ScaleBenchmarkOptions { Device = target, InterferenceSamples = interferenceTicks };
        Interference? interference = interferenceTicks > 0 ? GpuInterference.Run(target, options) : null;
        bool passed = results.All(r => r.Passed) && contexts.All(r => r.Passed);
        if (json)
        {
            Json.Write(stdout, GpuCheckJson.Build(name, reference, passed, results, widths, WidthTicks, contexts, interference, options, samples, contextSamples));
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

        if (interference is not null)
        {
            console.WriteLine($"interference: head p99 {interference.HeadP99AloneUs.ToString("0.0", CultureInfo.InvariantCulture)} us alone, " +
                $"{interference.HeadP99WithContextUs.ToString("0.0", CultureInfo.InvariantCulture)} us with the context at {interference.ContextRateHz.ToString(CultureInfo.InvariantCulture)} Hz " +
                $"on {interference.ContextDevice} (ratio {interference.Ratio.ToString("0.00", CultureInfo.InvariantCulture)})");
        }

        console.WriteLine(passed ? $"all variants within {GpuCheck.Tolerance:E0} of the action range, contexts within {GpuContextCheck.Tolerance:E0}" : "FAILED: a variant is outside the tolerance or not Ok");
        return passed ? 0 : 1;
    }
}
