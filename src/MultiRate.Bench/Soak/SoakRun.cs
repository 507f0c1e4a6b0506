using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiRate.Bench.Diagnostics;
using MultiRate.Bench.Overhead;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Bench.Soak;

/// <summary>
/// One soak run of the shipped runtime (real modules), virtual or real time: memory and GC counters
/// after a warm-up and at the end, sampled minima and maxima in between, and live native tensors.
/// </summary>
/// <remarks>
/// The start snapshot is taken by a monitor thread once the warm-up ticks are done, so nothing is
/// added to the fast path; the leak measures (heap after a full collection, live tensors) are taken
/// while the runtime is quiescent, before and after the run.
/// </remarks>
public static class SoakRun
{
    /// <summary>Runs the profile once and returns the soak report of that run.</summary>
    /// <param name="ratesPath">The rate profile.</param>
    /// <param name="configPath">The model config.</param>
    /// <param name="mode">Virtual time (<paramref name="fastTicks"/> long) or real time (<paramref name="realTimeDuration"/> long).</param>
    /// <param name="fastTicks">Fast ticks of a virtual-time run.</param>
    /// <param name="realTimeDuration">Length of a real-time run.</param>
    /// <returns>One part of the <c>soak --json</c> document.</returns>
    public static JsonObject Run(string ratesPath, string configPath, ExecutionMode mode, long fastTicks, TimeSpan realTimeDuration)
    {
        RealTimeScheduler? scheduler = null;
        long warmUpFast = mode == ExecutionMode.Virtual ? Math.Min(10_000, Math.Max(1, fastTicks / 10)) : 1_000;
        var recorder = new FastTickRecorder(() => scheduler?.CurrentLatenessNs ?? 0, (int)warmUpFast);
        using OverheadRig rig = OverheadRig.Load(ratesPath, configPath, mode, [recorder]);
        rig.WarmUpModules();
        long divisor = rig.Profile.BaseTickHz / rig.Profile.ActionClock.RateHz;
        TimeSpan duration = mode == ExecutionMode.Virtual
            ? TimeSpan.FromTicks(fastTicks * divisor * (rig.Profile.BaseTickNs / 100))
            : realTimeDuration;
        long heapBefore = SoakSnapshot.HeapAfterFullCollection();
        long tensorsBefore = TorchSharp.torch.Tensor.TotalCount;
        long rssBefore = Environment.WorkingSet;
        long retainedBefore = ProcessMemory.RetainedResidentBytes();

        using var stop = new ManualResetEventSlim();
        SoakSnapshot? start = null;
        long maxRss = 0, minRss = long.MaxValue, maxHeap = 0, maxTensors = 0, minTensors = long.MaxValue;
        var monitor = new Thread(() =>
        {
            while (rig.Executor.BaseTicksDone < warmUpFast * divisor && !stop.Wait(5))
            {
            }

            start = SoakSnapshot.Take();
            do
            {
                SoakSnapshot s = SoakSnapshot.Take();
                maxRss = Math.Max(maxRss, s.RssBytes);
                minRss = Math.Min(minRss, s.RssBytes);
                maxHeap = Math.Max(maxHeap, s.HeapBytes);
                maxTensors = Math.Max(maxTensors, s.LiveTensors);
                minTensors = Math.Min(minTensors, s.LiveTensors);
            }
            while (!stop.Wait(250));
        })
        { IsBackground = true, Name = "soak-monitor" };
        monitor.Start();

        RunSummary summary;
        var wall = Stopwatch.StartNew();
        if (mode == ExecutionMode.Virtual)
        {
            summary = rig.Executor.Run(new VirtualTimeDriver(rig.SourceStartNs), duration);
        }
        else
        {
            scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { Cpu = rig.Profile.ActionClock.Cpu, ThreadName = "multirate-" + rig.Profile.ActionClock.Name });
            using (scheduler)
            {
                summary = rig.Executor.Run(new RealTimeDriver(scheduler), duration);
            }
        }

        wall.Stop();
        SoakSnapshot end = SoakSnapshot.Take();
        stop.Set();
        monitor.Join();
        SoakSnapshot begin = start ?? end;
        long heapAfter = SoakSnapshot.HeapAfterFullCollection();
        long retainedAfter = ProcessMemory.RetainedResidentBytes();
        long tensorsAfter = TorchSharp.torch.Tensor.TotalCount;
        ClockSummary fast = summary.Clocks.First(c => c.Name == rig.Profile.ActionClock.Name);
        var result = new JsonObject
        {
            ["mode"] = summary.Mode,
            ["profile"] = summary.Profile,
            ["fast_ticks"] = fast.Ticks,
            ["run_seconds"] = BenchJson.Round(summary.DurationSeconds),
            ["wall_s"] = BenchJson.Round(wall.Elapsed.TotalSeconds),
            ["warm_up_fast_ticks"] = warmUpFast,
            ["start"] = begin.ToJson(),
            ["end"] = end.ToJson(),
            ["rss_growth_mib"] = SoakSnapshot.Mib(end.RssBytes - begin.RssBytes),
            ["rss_sampled_mib"] = new JsonObject { ["min"] = SoakSnapshot.Mib(minRss == long.MaxValue ? end.RssBytes : minRss), ["max"] = SoakSnapshot.Mib(Math.Max(maxRss, end.RssBytes)) },
            ["rss_before_run_mib"] = SoakSnapshot.Mib(rssBefore),
            ["rss_retained_mib"] = new JsonObject
            {
                ["before"] = SoakSnapshot.Mib(retainedBefore),
                ["after"] = SoakSnapshot.Mib(retainedAfter),
                ["growth"] = SoakSnapshot.Mib(retainedAfter - retainedBefore),
            },
            ["heap_growth_mib"] = SoakSnapshot.Mib(end.HeapBytes - begin.HeapBytes),
            ["heap_max_mib"] = SoakSnapshot.Mib(Math.Max(maxHeap, end.HeapBytes)),
            ["heap_after_full_gc_bytes"] = new JsonObject { ["before"] = heapBefore, ["after"] = heapAfter, ["growth"] = heapAfter - heapBefore },
            ["gc_during_run"] = new JsonObject { ["gen0"] = end.Gen0 - begin.Gen0, ["gen1"] = end.Gen1 - begin.Gen1, ["gen2"] = end.Gen2 - begin.Gen2 },
            ["live_tensors"] = new JsonObject
            {
                ["before"] = tensorsBefore,
                ["after"] = tensorsAfter,
                ["growth"] = tensorsAfter - tensorsBefore,
                ["sampled_min"] = minTensors == long.MaxValue ? end.LiveTensors : minTensors,
                ["sampled_max"] = Math.Max(maxTensors, end.LiveTensors),
            },
            [mode == ExecutionMode.Virtual ? "run_thread_allocated_bytes" : "fast_thread_allocated_bytes"] = recorder.FastThreadAllocatedBytes,
            ["misses"] = fast.Misses,
            ["skipped_periods"] = fast.SkippedPeriods,
            ["actions_sha256"] = summary.ActionsSha256,
        };
        if (mode == ExecutionMode.RealTime)
        {
            result["wakeup"] = BenchJson.Dist(recorder.WakeUp.ToDistribution());
            result["dropped_after_watchdog"] = recorder.Count(FastTickOutcome.Dropped);
        }

        return result;
    }
}
