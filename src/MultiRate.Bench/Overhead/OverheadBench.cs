using System.Text.Json.Nodes;
using HdrHistogram;
using MultiRate.Bench.Diagnostics;
using MultiRate.Core.Modules;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Bench.Overhead;

/// <summary>
/// The fast tick through the whole runtime (observe, latent read, head, output stage, counters) beside
/// a bare loop calling the same head on the same thread, interleaved block by block in one run
/// (<c>multirate bench overhead</c>).
/// </summary>
public static class OverheadBench
{
    /// <summary>Target: runtime p50 / bare p50.</summary>
    public const double RatioTarget = 1.05;

    /// <summary>Target: runtime p50 - bare p50, microseconds.</summary>
    public const double OverheadTargetUs = 5;

    /// <summary>Distinct input rows the bare loop cycles through (one per fast tick of the run's first seconds).</summary>
    private const int InputRows = 4096;

    /// <summary>Runs the measurement and returns the JSON report.</summary>
    /// <param name="ratesPath">The rate profile.</param>
    /// <param name="configPath">The model config.</param>
    /// <param name="options">Blocks, ticks per block and warm-up.</param>
    /// <param name="breakdown">Also time the runtime's per-tick extras one by one.</param>
    /// <returns>The report (the <c>bench overhead --json</c> document).</returns>
    public static JsonObject Measure(string ratesPath, string configPath, TickLoopOptions options, bool breakdown = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        using OverheadRig rig = OverheadRig.Load(ratesPath, configPath, ExecutionMode.RealTime);
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
            ["bare_p50_us"] = BenchJson.Round(b.P50Us),
            ["runtime_p50_us"] = BenchJson.Round(rt.P50Us),
            ["ratio"] = BenchJson.Round(ratio, 4),
            ["bare_p99_us"] = BenchJson.Round(b.P99Us),
            ["runtime_p99_us"] = BenchJson.Round(rt.P99Us),
            ["p99_ratio"] = BenchJson.Round(rt.P99Us / Math.Max(1e-9, b.P99Us), 4),
            ["overhead_us"] = BenchJson.Round(overhead),
            ["overhead_mean_us"] = BenchJson.Round(rt.MeanUs - b.MeanUs),
            ["runtime_head_p50_us"] = headInRuntime.TotalCount == 0 ? null : BenchJson.Round(headInRuntime.GetValueAtPercentile(50) / 1e3),
            ["pass"] = ratio <= RatioTarget && overhead <= OverheadTargetUs,
            ["targets"] = new JsonObject { ["ratio_max"] = RatioTarget, ["overhead_us_max"] = OverheadTargetUs },
            ["bare"] = BenchJson.Dist(b),
            ["runtime"] = BenchJson.Dist(rt),
            ["block_p50_ratio"] = new JsonObject
            {
                ["min"] = BenchJson.Round(blockRatios[0], 4),
                ["median"] = BenchJson.Round(blockRatios[blockRatios.Length / 2], 4),
                ["max"] = BenchJson.Round(blockRatios[^1], 4),
            },
            ["blocks"] = options.Blocks,
            ["ticks_per_block"] = options.TicksPerBlock,
            ["timer_overhead_ns"] = BenchJson.Round(r.TimerOverheadNs, 1),
            ["allocated_bytes"] = new JsonObject { ["bare"] = r.AllocatedBytes[0], ["runtime"] = r.AllocatedBytes[1] },
            ["latent_fresh"] = fresh,
            ["profile"] = rig.Profile.Name,
            ["config"] = rig.Config.Name,
            ["method"] = "ABAB blocks on one thread; each sample = two Stopwatch reads around one call; runtime = MultiRateExecutor.Tick on base ticks where only the action clock is due (real-time decision path, no sink; the latent feeding the head republished at each of its clock's ticks, as live, so it stays fresh); bare = the same head's Act on the same inputs (sensor rows, latent, ages), cycled over the first 4096 fast ticks",
        };
        if (breakdown)
        {
            result["breakdown"] = OverheadBreakdown.Measure(rig, options);
        }

        return result;
    }
}
