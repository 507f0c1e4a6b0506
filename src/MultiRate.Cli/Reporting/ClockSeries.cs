namespace MultiRate.Cli.Reporting;

/// <summary>One clock's tick timings from a recording, in tick order.</summary>
internal sealed class ClockSeries
{
    public ClockSeries(string name, bool isActionClock)
    {
        Name = name;
        IsActionClock = isActionClock;
    }

    /// <summary>Clock name (the topic suffix).</summary>
    public string Name { get; }

    /// <summary>True for the action (head) clock, false for a slow (context) clock.</summary>
    public bool IsActionClock { get; }

    /// <summary>Tick index of each timing message.</summary>
    public List<long> TickIndex { get; } = [];

    /// <summary>Run time of each tick, seconds from tick 0.</summary>
    public List<double> TimeS { get; } = [];

    /// <summary>Measured compute time, us (0 when the module did not run).</summary>
    public List<double> LatencyUs { get; } = [];

    /// <summary>Budget at each tick, us.</summary>
    public List<double> BudgetUs { get; } = [];

    /// <summary>Whether each tick missed (action clock: fallback at the deadline; slow clock: trigger skipped).</summary>
    public List<bool> Missed { get; } = [];

    /// <summary>Latent age at each tick, ms (action clock only; negative when there was none).</summary>
    public List<double> LatentAgeMs { get; } = [];

    /// <summary>Ticks by outcome name.</summary>
    public SortedDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public int Ticks => TimeS.Count;

    public long Misses => Missed.LongCount(m => m);

    /// <summary>
    /// Tick indices from 0 to the last recorded one that have no timing message: periods the clock
    /// skipped after an overrun (real time) or a slow update still running when the run ended.
    /// </summary>
    public long Unrecorded => TickIndex.Count == 0 ? 0 : TickIndex.Max() + 1 - TickIndex.Distinct().LongCount();

    /// <summary>Latencies of the ticks whose module ran (latency above 0).</summary>
    public double[] RanLatenciesUs() => LatencyUs.Where(l => l > 0).ToArray();

    /// <summary>The budget in force at the last tick (budgets may change on hot reload).</summary>
    public double LastBudgetUs => BudgetUs.Count == 0 ? 0 : BudgetUs[^1];
}
