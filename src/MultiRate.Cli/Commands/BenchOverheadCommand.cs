using System.Globalization;
using System.Text.Json.Nodes;
using HdrHistogram;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Modules;
using MultiRate.Scheduling.Diagnostics;
using MultiRate.Scheduling.Executor;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench overhead</c>: the fast tick through the whole runtime (observe, latent read,
/// head, output stage, counters) beside a bare loop calling the same head on the same thread,
/// interleaved block by block in one run.
/// </summary>
internal static class BenchOverheadCommand
{
    /// <summary>Target: runtime p50 / bare p50.</summary>
    public const double RatioTarget = 1.05;

    /// <summary>Distinct input rows the bare loop cycles through (one per fast tick of the run's first seconds).</summary>
    private const int InputRows = 4096;

    /// <summary>Target: runtime p50 - bare p50, microseconds.</summary>
    public const double OverheadTargetUs = 5;

    public static int Execute(OverheadBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        bool quick = a.Quick;
        var options = new TickLoopOptions
        {
            Blocks = a.Blocks ?? (quick ? 6 : 20),
            TicksPerBlock = a.TicksPerBlock ?? (quick ? 2_000 : 10_000),
            // Long enough (about 0.5 s a side) for tiered compilation to finish promoting both loops before timing.
            WarmUpTicks = 100_000,
        };
        if (!a.Json)
        {
            console.WriteLine($"Timing {options.Blocks} x {options.TicksPerBlock} ticks each of a bare head loop and the runtime's fast tick, interleaved...");
        }

        JsonObject result = Measure(a.Rates, a.Config, options, a.Breakdown);
        if (a.Json)
        {
            Json.Write(stdout, result);
            return 0;
        }

        var table = new Table().AddColumns("per tick (us)", "p50", "p90", "p99", "p99.9", "max");
        table.AddRow("bare head.Act loop", F(result["bare_p50_us"]), F(result["bare"]!["p90_us"]), F(result["bare_p99_us"]), F(result["bare"]!["p999_us"]), F(result["bare"]!["max_us"]));
        table.AddRow("runtime fast tick (Tick(k))", F(result["runtime_p50_us"]), F(result["runtime"]!["p90_us"]), F(result["runtime_p99_us"]), F(result["runtime"]!["p999_us"]), F(result["runtime"]!["max_us"]));
        console.Write(table);
        if (result["breakdown"] is JsonNode parts)
        {
            console.WriteLine($"breakdown (p50 us per part): {parts.ToJsonString()}");
        }

        console.WriteLine($"p50 ratio {F(result["ratio"])} (target <= {RatioTarget}), overhead {F(result["overhead_us"])} us (target <= {OverheadTargetUs}); pass: {result["pass"]}");
        return 0;
    }

    /// <summary>Runs the measurement and returns the JSON report.</summary>
    public static JsonObject Measure(string? rates, string? config, TickLoopOptions options, bool breakdown = false)
    {
        using BenchOverheadRig rig = BenchOverheadRig.Load(rates, config, ExecutionMode.RealTime);
        rig.SeedHeadLatent();
        long runtimeTicks = options.WarmUpTicks + ((long)options.Blocks * options.TicksPerBlock);
        bool fresh = rig.KeepLatentFresh(runtimeTicks);

        // The bare loop feeds the head what the runtime will feed it (same sensor rows, same latent,
        // same ages, cycled), so only the runtime's own work differs between the two sides.
        IActionHead head = rig.Head;
        (float[][] observations, float[] ages) = rig.HeadInputs(InputRows);
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        Array.Fill(latent, 1f);
        head.WarmUp(200);
        Action<long> bare = i =>
        {
            int row = (int)(i % InputRows);
            head.Act(observations[row], latent, ages[row], action);
        };
        Action<long> runtime = _ => rig.TickFast();
        TickLoopResult r = TickLoopHarness.RunInterleaved([bare, runtime], options);
        LatencyDistribution b = r.Histograms[0].ToDistribution();
        LatencyDistribution rt = r.Histograms[1].ToDistribution();
        double ratio = rt.P50Us / Math.Max(1e-9, b.P50Us);
        double overhead = rt.P50Us - b.P50Us;
        // The head's own compute time inside the runtime's ticks (the action clock's latency histogram).
        LongHistogram headInRuntime = rig.Executor.ClockStats.Last().Latency;
        var blockRatios = r.BlockMedianUs[1].Zip(r.BlockMedianUs[0], (x, y) => x / Math.Max(1e-9, y)).Order().ToArray();
        var result = new JsonObject
        {
            ["bare_p50_us"] = Json.Round(b.P50Us),
            ["runtime_p50_us"] = Json.Round(rt.P50Us),
            ["ratio"] = Json.Round(ratio, 4),
            ["bare_p99_us"] = Json.Round(b.P99Us),
            ["runtime_p99_us"] = Json.Round(rt.P99Us),
            ["p99_ratio"] = Json.Round(rt.P99Us / Math.Max(1e-9, b.P99Us), 4),
            ["overhead_us"] = Json.Round(overhead),
            ["overhead_mean_us"] = Json.Round(rt.MeanUs - b.MeanUs),
            ["runtime_head_p50_us"] = headInRuntime.TotalCount == 0 ? null : Json.Round(headInRuntime.GetValueAtPercentile(50) / 1e3),
            ["pass"] = ratio <= RatioTarget && overhead <= OverheadTargetUs,
            ["targets"] = new JsonObject { ["ratio_max"] = RatioTarget, ["overhead_us_max"] = OverheadTargetUs },
            ["bare"] = Dist(b),
            ["runtime"] = Dist(rt),
            ["block_p50_ratio"] = new JsonObject
            {
                ["min"] = Json.Round(blockRatios[0], 4),
                ["median"] = Json.Round(blockRatios[blockRatios.Length / 2], 4),
                ["max"] = Json.Round(blockRatios[^1], 4),
            },
            ["blocks"] = options.Blocks,
            ["ticks_per_block"] = options.TicksPerBlock,
            ["timer_overhead_ns"] = Json.Round(r.TimerOverheadNs, 1),
            ["allocated_bytes"] = new JsonObject { ["bare"] = r.AllocatedBytes[0], ["runtime"] = r.AllocatedBytes[1] },
            ["latent_fresh"] = fresh,
            ["profile"] = rig.Profile.Name,
            ["config"] = rig.Config.Name,
            ["method"] = "ABAB blocks on one thread; each sample = two Stopwatch reads around one call; runtime = MultiRateExecutor.Tick on base ticks where only the action clock is due (real-time decision path, no sink; the latent feeding the head republished at each of its clock's ticks, as live, so it stays fresh); bare = the same head's Act on the same inputs (sensor rows, latent, ages), cycled over the first 4096 fast ticks",
        };
        if (breakdown)
        {
            result["breakdown"] = BenchOverheadBreakdown.Measure(rig, options);
        }

        return result;
    }

    internal static JsonObject Dist(LatencyDistribution d) => new()
    {
        ["samples"] = d.Samples,
        ["p50_us"] = Json.Round(d.P50Us),
        ["p90_us"] = Json.Round(d.P90Us),
        ["p99_us"] = Json.Round(d.P99Us),
        ["p999_us"] = Json.Round(d.P999Us),
        ["max_us"] = Json.Round(d.MaxUs),
        ["mean_us"] = Json.Round(d.MeanUs),
    };

    private static string F(JsonNode? v) => v is null ? "-" : ((double)v).ToString("0.000", CultureInfo.InvariantCulture);
}
