using System.Text.Json.Nodes;
using MultiRate.Bench.Diagnostics;

namespace MultiRate.Bench;

/// <summary>The pieces every bench report shares: rounding and the latency distribution's fields.</summary>
internal static class BenchJson
{
    /// <summary>Rounds a figure for the report (3 digits unless told).</summary>
    public static double Round(double v, int digits = 3) => Math.Round(v, digits);

    /// <summary>A latency distribution as the reports write it (samples, percentiles, max and mean in us).</summary>
    public static JsonObject Dist(LatencyDistribution d) => new()
    {
        ["samples"] = d.Samples,
        ["p50_us"] = Round(d.P50Us),
        ["p90_us"] = Round(d.P90Us),
        ["p99_us"] = Round(d.P99Us),
        ["p999_us"] = Round(d.P999Us),
        ["max_us"] = Round(d.MaxUs),
        ["mean_us"] = Round(d.MeanUs),
    };
}
