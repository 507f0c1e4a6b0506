using System.Text.Json.Nodes;
using MultiRate.Core.Models;
using MultiRate.Inference;

namespace MultiRate.Bench.Models;

/// <summary>Everything the scale benches measured, and its JSON for <c>bench models --json</c>.</summary>
/// <param name="Scales">One row per scale.</param>
/// <param name="HeadByWidth">Head latency by width on each device.</param>
/// <param name="CrossoverWidth">Smallest width where the GPU's p50 beats the CPU's; null without a GPU.</param>
/// <param name="Interference">The head's p99 alone and with the context running.</param>
/// <param name="Method">What was timed and how.</param>
public sealed record ScaleReport(IReadOnlyList<ScaleRow> Scales, IReadOnlyList<WidthRow> HeadByWidth, int? CrossoverWidth, Interference Interference, string Method)
{
    /// <summary>Runs the scales, the width sweep on the CPU and on <see cref="ScaleBenchmarkOptions.Device"/> (when it is not the CPU), and the interference.</summary>
    public static ScaleReport Run(ScaleBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // auto resolves here once, so every row of the sweep names the same device.
        ComputeDevice device = options.Device == ComputeDevice.Auto
            ? PolicyFactory.SelectHeadDevice(BenchModels.Config(options, 16, 64, ComputeDevice.Auto)).Device
            : options.Device;
        ScaleBenchmarkOptions o = options.Device == device ? options : CopyWith(options, device);
        IReadOnlyList<ComputeDevice> devices = device == ComputeDevice.Cpu ? [ComputeDevice.Cpu] : [ComputeDevice.Cpu, device];
        IReadOnlyList<WidthRow> widths = ScaleBenchmarks.HeadByWidth(o, devices);
        return new ScaleReport(ScaleBenchmarks.Scales(o), widths, ScaleBenchmarks.Crossover(widths), ScaleBenchmarks.Interference(o), ScaleBenchmarks.Method(o));
    }

    /// <summary>The <c>scales</c> array.</summary>
    public JsonArray ScalesJson() =>
        [.. Scales.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["device"] = s.Device,
            ["context_params"] = s.ContextParams,
            ["head_params"] = s.HeadParams,
            ["dense_max_hz"] = Math.Round(s.DenseMaxHz, 2),
            ["multirate_max_hz"] = Math.Round(s.MultirateMaxHz, 1),
            ["rate_ratio"] = Math.Round(s.RateRatio, 1),
        })];

    /// <summary>The per-device rows appended to <c>head_by_width</c> (same fields as its CPU sweep, plus <c>device</c>).</summary>
    public IEnumerable<JsonObject> WidthJson() =>
        HeadByWidth.Select(r => new JsonObject
        {
            ["label"] = $"head width {r.Width} on {r.Device}",
            ["value"] = r.Width,
            ["params"] = r.Parameters,
            ["latency_us"] = Latency(r.Latency),
            ["device"] = r.Device,
        });

    /// <summary>The <c>interference</c> object.</summary>
    public JsonObject InterferenceJson() => ToJson(Interference);

    /// <summary>An <c>interference</c> object (<c>bench models</c>, <c>bench gpu</c>).</summary>
    public static JsonObject ToJson(Interference interference)
    {
        ArgumentNullException.ThrowIfNull(interference);
        return new JsonObject
        {
            ["head_p99_alone_us"] = Math.Round(interference.HeadP99AloneUs, 1),
            ["head_p99_with_context_us"] = Math.Round(interference.HeadP99WithContextUs, 1),
            ["ratio"] = Math.Round(interference.Ratio, 2),
            ["context_rate_hz"] = interference.ContextRateHz,
            ["context_updates"] = interference.ContextUpdates,
            ["context_device"] = interference.ContextDevice,
        };
    }

    private static JsonObject Latency(LatencyStats l) => new()
    {
        ["p50"] = Math.Round(l.P50Us, 1),
        ["p99"] = Math.Round(l.P99Us, 1),
        ["max"] = Math.Round(l.MaxUs, 1),
        ["samples"] = l.Samples,
    };

    private static ScaleBenchmarkOptions CopyWith(ScaleBenchmarkOptions o, ComputeDevice device) => new()
    {
        Device = device,
        Scales = o.Scales,
        Widths = o.Widths,
        HeadSamples = o.HeadSamples,
        ContextSamples = o.ContextSamples,
        WarmUp = o.WarmUp,
        ContextRateHz = o.ContextRateHz,
        InterferenceSamples = o.InterferenceSamples,
        Shape = o.Shape,
        SafetyFactor = o.SafetyFactor,
    };
}
