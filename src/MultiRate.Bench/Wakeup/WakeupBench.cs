using System.Text.Json.Nodes;
using MultiRate.Bench.Diagnostics;
using MultiRate.Bench.Overhead;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Wakeup;

/// <summary>
/// The shipped profile in real time with its real modules (the context module busy on its own
/// thread), wake-up error of every fast tick in an HdrHistogram; then the same runtime driven by Rx
/// <c>Observable.Interval</c>, in the same process (<c>multirate bench wakeup</c>).
/// </summary>
public static class WakeupBench
{
    /// <summary>Target: runtime p99 wake-up error, microseconds.</summary>
    public const double P99TargetUs = 20;

    /// <summary>Target: Rx p99 / runtime p99.</summary>
    public const double RatioTarget = 100;

    /// <summary>Target: deadline misses per fast tick.</summary>
    public const double MissRateTarget = 1e-4;

    private const int WarmUpTicks = 200;

    /// <summary>How often the host's steal counter is read during the runtime's run.</summary>
    private static readonly TimeSpan StealSampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs both clocks and returns the JSON report.</summary>
    /// <param name="ratesPath">The rate profile.</param>
    /// <param name="configPath">The model config.</param>
    /// <param name="duration">How long each clock runs.</param>
    /// <param name="spinMargin">The real-time scheduler's spin margin.</param>
    /// <param name="fifoPriority">SCHED_FIFO priority of the clock and watchdog threads, or none.</param>
    /// <returns>The report (the <c>bench wakeup --json</c> document).</returns>
    public static JsonObject Measure(string ratesPath, string configPath, TimeSpan duration, TimeSpan spinMargin, int? fifoPriority = null)
    {
        JsonObject runtime;
        string profile;
        RealTimeScheduler? scheduler = null;
        var recorder = new FastTickRecorder(() => scheduler!.CurrentLatenessNs, WarmUpTicks);
        // The watchdog gets the clock's real-time priority too, as in `run`: it is the fallback's only sender.
        using (OverheadRig rig = OverheadRig.Load(ratesPath, configPath, ExecutionMode.RealTime, [recorder], fifoPriority: fifoPriority))
        {
            profile = rig.Profile.Name;
            scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions
            {
                SpinMargin = spinMargin,
                Cpu = rig.Profile.ActionClock.Cpu,
                FifoPriority = fifoPriority,
                ThreadName = "multirate-" + rig.Profile.ActionClock.Name,
            });
            using (scheduler)
            using (var steal = new HostStealSampler(StealSampleInterval))
            {
                RunSummary s = rig.Executor.Run(new RealTimeDriver(scheduler), duration);
                steal.Stop();
                runtime = Report(recorder, s, rig.Profile.ActionClock.Name, rig.Profile.ActionClock.BudgetNs);
                AttributeMisses(runtime, recorder, steal);
                runtime["placement_note"] = scheduler.PlacementNote;
                runtime["watchdog"] = true;
            }
        }

        RxIntervalClock? rx = null;
        var rxRecorder = new FastTickRecorder(() => rx!.CurrentLatenessNs, WarmUpTicks);
        JsonObject baseline;
        using (OverheadRig rig = OverheadRig.Load(ratesPath, configPath, ExecutionMode.RealTime, [rxRecorder], watchdog: false))
        using (rx = new RxIntervalClock())
        {
            // No deadline watchdog here: it runs on the runtime's own clock, which this baseline replaces.
            RunSummary s = rig.Executor.Run(new RealTimeDriver(rx), duration);
            baseline = Report(rxRecorder, s, rig.Profile.ActionClock.Name, rig.Profile.ActionClock.BudgetNs);
            baseline["watchdog"] = false;
        }

        double p99 = recorder.WakeUp.PercentileUs(99);
        double ratio = rxRecorder.WakeUp.PercentileUs(99) / Math.Max(0.001, p99);
        double missRate = (double)runtime["miss_rate"]!;
        return new JsonObject
        {
            ["profile"] = profile,
            ["seconds_each"] = duration.TotalSeconds,
            ["spin_margin_us"] = spinMargin.TotalMicroseconds,
            ["fifo_priority"] = fifoPriority,
            ["runtime"] = runtime,
            ["rx_interval"] = baseline,
            ["p99_ratio"] = BenchJson.Round(ratio, 1),
            ["targets"] = new JsonObject { ["p99_us_max"] = P99TargetUs, ["p99_ratio_min"] = RatioTarget, ["miss_rate_max"] = MissRateTarget },
            ["pass"] = new JsonObject
            {
                ["p99"] = p99 <= P99TargetUs,
                ["ratio"] = ratio >= RatioTarget,
                ["miss_rate"] = missRate <= MissRateTarget,
            },
            ["method"] = "wake-up error = fast-tick start minus its booked deadline (runtime: RealTimeScheduler.CurrentLatenessNs; Rx: start + (n + 1) * period), first 200 fast ticks not counted; deadline misses = head over budget + results dropped after the watchdog's fallback + skipped fast periods; misses_during_host_steal = those revealed within one 50 ms sampling interval of an interval in which /proc/stat's steal counter (time the hypervisor kept the vCPUs from running) moved",
        };
    }

    /// <summary>
    /// Lists the timed misses with what the clock thread and the host did around them, and splits them into
    /// those that fell while the host held this VM's vCPUs (steal time accrued in or next to their sampling
    /// interval) and the rest. The pass/fail figure stays the raw miss rate; the split says whether the
    /// runtime or the host lost the ticks.
    /// </summary>
    private static void AttributeMisses(JsonObject runtime, FastTickRecorder recorder, HostStealSampler steal)
    {
        long ticks = (long)runtime["ticks"]!;
        var events = recorder.MissEvents.Select(e => (Event: e, InSteal: steal.Available && steal.DuringSteal(e.Timestamp))).ToList();
        long during = events.Where(e => e.InSteal).Sum(e => (long)e.Event.Ticks);
        long outside = events.Sum(e => (long)e.Event.Ticks) - during;
        runtime["host_steal"] = new JsonObject
        {
            ["available"] = steal.Available,
            ["ms"] = steal.Available ? steal.StealMs : null,
            ["intervals_with_steal"] = steal.Available ? steal.IntervalsWithSteal : null,
            ["sample_interval_ms"] = steal.Interval.TotalMilliseconds,
        };
        runtime["miss_events"] = new JsonArray([.. events.Take(50).Select(e => (JsonNode)new JsonObject
        {
            ["at_s"] = BenchJson.Round((e.Event.Timestamp - recorder.FirstMeasuredTimestamp) / (double)System.Diagnostics.Stopwatch.Frequency, 4),
            ["ticks"] = e.Event.Ticks,
            ["host_steal"] = e.InSteal,
            ["page_faults"] = e.Event.PageFaults,
            ["involuntary_switches"] = e.Event.InvoluntarySwitches,
        })]);
        runtime["misses_during_host_steal"] = steal.Available ? during : null;
        runtime["misses_outside_host_steal"] = steal.Available ? outside : null;
        runtime["miss_rate_outside_host_steal"] = steal.Available && ticks > 0 ? (double)outside / ticks : null;
    }

    private static JsonObject Report(FastTickRecorder r, RunSummary s, string fastClock, long budgetNs)
    {
        ClockSummary fast = s.Clocks.First(c => c.Name == fastClock);
        long misses = r.Count(FastTickOutcome.Miss) + r.Count(FastTickOutcome.Dropped) + fast.SkippedPeriods;
        long ticks = r.Measured + fast.SkippedPeriods;
        var slow = new JsonObject();
        foreach (ClockSummary c in s.Clocks.Where(c => c.Name != fastClock))
        {
            slow[c.Name] = new JsonObject { ["ticks"] = c.Ticks, ["skipped_periods"] = c.SkippedPeriods, ["p50_us"] = BenchJson.Round(c.LatencyP50Us), ["max_us"] = BenchJson.Round(c.LatencyMaxUs) };
        }

        return new JsonObject
        {
            ["ticks"] = ticks,
            ["wakeup"] = BenchJson.Dist(r.WakeUp.ToDistribution()),
            ["deadline_misses"] = misses,
            ["miss_rate"] = ticks == 0 ? 0 : (double)misses / ticks,
            ["head_over_budget"] = r.Count(FastTickOutcome.Miss),
            ["dropped_after_watchdog"] = r.Count(FastTickOutcome.Dropped),
            ["skipped_periods"] = fast.SkippedPeriods,
            ["faults"] = r.Count(FastTickOutcome.Fault),
            ["wakeups_later_than_budget"] = r.WakeUp.CountAbove(budgetNs),
            ["head_compute"] = BenchJson.Dist(r.Compute.ToDistribution()),
            ["fast_thread_allocated_bytes"] = r.FastThreadAllocatedBytes,
            ["gen0_collections"] = r.Gen0Collections,
            ["fast_thread_page_faults"] = r.FastThreadUsage is ThreadUsage u ? u.MinorFaults + u.MajorFaults : null,
            ["fast_thread_involuntary_switches"] = r.FastThreadUsage?.InvoluntarySwitches,
            ["slow_clocks"] = slow,
        };
    }
}
