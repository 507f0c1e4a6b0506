using HdrHistogram;
using MultiRate.Scheduling.Diagnostics;

namespace MultiRate.Scheduling.Stats;

/// <summary>Counters and latency distribution of one clock.</summary>
/// <remarks>
/// Each field has one writer thread (the thread that runs that part of the clock); readers on
/// other threads see values that may be a few ticks old, which is fine for dashboards and summaries.
/// Recording allocates nothing.
/// </remarks>
public sealed class ClockStats
{
    private const long MaxTrackableNs = 3_600_000_000_000L;

    /// <summary>Creates stats for a clock.</summary>
    public ClockStats(string name, long rateHz, long budgetNs)
    {
        Name = name;
        RateHz = rateHz;
        BudgetNs = budgetNs;
        Latency = PrefaultedHistogram.Create(MaxTrackableNs, 3); // recorded on the clock thread: no page faults there
    }

    /// <summary>Clock name.</summary>
    public string Name { get; }

    /// <summary>Clock rate.</summary>
    public long RateHz { get; }

    /// <summary>Budget in nanoseconds (may change on hot reload).</summary>
    public long BudgetNs { get; set; }

    /// <summary>Ticks that ran.</summary>
    public long Ticks;

    /// <summary>Deadline misses (head) or skipped triggers because the previous update was still running (slow clocks).</summary>
    public long Misses;

    /// <summary>Whole periods skipped after scheduler overruns (no tick ran at all).</summary>
    public long SkippedPeriods;

    /// <summary>Real time: fallbacks the deadline watchdog emitted because the head had produced nothing by its deadline (watchdog thread only).</summary>
    public long DeadlineFallbacks;

    /// <summary>Module faults (threw, NaN/Inf, timed out): the old result was kept.</summary>
    public long Faults;

    /// <summary>Slow-path (timeouts, circuit) and sensor-guard fault counters of this clock.</summary>
    public Resilience.ResilienceCounters Resilience { get; } = new();

    /// <summary>Compute latency per tick, nanoseconds.</summary>
    public LongHistogram Latency { get; }

    /// <summary>Records one compute latency.</summary>
    public void RecordLatency(long ns) => Latency.RecordValue(Math.Clamp(ns, 0, MaxTrackableNs));
}
