using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiRate.Core.Sensors;
using MultiRate.Bench.Diagnostics;
using MultiRate.Scheduling.Diagnostics;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Overhead;

/// <summary>
/// <c>bench overhead --breakdown</c>: the runtime's per-tick extras timed one by one (Stopwatch
/// sections in the same interleaved harness), so a miss of the overhead target says where the time goes.
/// </summary>
/// <remarks>Each part runs on its own copy (its own source, output stage, hasher), never the measured executor's.</remarks>
internal static class OverheadBreakdown
{
    /// <summary>Times each part and returns p50, p99 and allocation per part.</summary>
    public static JsonObject Measure(OverheadRig rig, TickLoopOptions options)
    {
        using ISensorSource source = rig.CreateSource();
        float[] sensorValues = new float[source.Fields.Count];
        long period = rig.Profile.ActionClock.PeriodNs;
        long start = source.StartNs ?? 0;

        float[] action = new float[rig.Head.ActionSize];
        Array.Fill(action, 0.01f);
        using var output = new OutputStageProbe(rig.Profile.Action);
        using var hasher = new OutputStageProbe(rig.Profile.Action);
        var stats = new ClockStats("probe", 1000, 500_000);
        var headStats = new HeadStats();

        Action<long> sensorRead = k => source.Read(start + (k * period), sensorValues);
        Action<long> outputStage = k => output.EmitModel(k, k * period, action);
        Action<long> hash = k => hasher.AppendToHash(k, action);
        Action<long> bookkeeping = k =>
        {
            // What FastStage adds around the head: two timestamps and three histogram records.
            long t0 = Stopwatch.GetTimestamp();
            stats.RecordLatency(Stopwatch.GetTimestamp() - t0);
            headStats.RecordAge(150_000_000);
            headStats.RecordRecursionSteps(6);
        };
        string[] names = ["sensor_read", "output_stage", "action_sha256_append", "timing_and_histograms"];
        TickLoopResult r = TickLoopHarness.RunInterleaved([sensorRead, outputStage, hash, bookkeeping], options);
        var parts = new JsonObject();
        for (int i = 0; i < names.Length; i++)
        {
            parts[names[i]] = new JsonObject
            {
                ["p50_us"] = BenchJson.Round(r.Histograms[i].PercentileUs(50)),
                ["p99_us"] = BenchJson.Round(r.Histograms[i].PercentileUs(99)),
                ["allocated_bytes"] = r.AllocatedBytes[i],
            };
        }

        parts["note"] = $"each sample includes the timer pair ({r.TimerOverheadNs:0} ns); output_stage includes action_sha256_append";
        return parts;
    }
}
