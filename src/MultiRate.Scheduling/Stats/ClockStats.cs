using HdrHistogram;
using MultiRate.Scheduling.Diagnostics;

namespace MultiRate.Scheduling.Stats;

/// <summary>Identity, budget and compute-latency distribution of one clock.</summary>
/// <remarks>
/// What happened to the clock's periods (ticks, skipped periods, misses, faults) is counted in the
/// run's <see cref="Ledger.RunLedger"/>, not here. The latency histogram has one writer thread (the
/// thread that runs the clock's work). Recording allocates nothing.
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

    /// <summary>Compute latency per tick, nanoseconds.</summary>
    public LongHistogram Latency { get; }

    /// <summary>Records one compute latency.</summary>
    public void RecordLatency(long ns) => Latency.RecordValue(Math.Clamp(ns, 0, MaxTrackableNs));
}
