namespace MultiRate.Scheduling.Stats;

/// <summary>
/// The scheduling a real-time run's action clock got: SCHED_FIFO at a priority, or normal scheduling
/// (none asked, or refused by the OS). The run summary's first line and its <c>realtime_priority</c>.
/// </summary>
/// <param name="Requested">The SCHED_FIFO priority asked for (null: none, normal scheduling by choice).</param>
/// <param name="Granted">The SCHED_FIFO priority the clock thread runs at (null: normal scheduling).</param>
/// <param name="Refusal">Why the OS refused it (null: granted, or none asked).</param>
public sealed record RealTimePriority(int? Requested, int? Granted, string? Refusal)
{
    /// <summary>Where the docs say what to expect without real-time priority.</summary>
    public const string Guide = "docs/guides/cpu-layout.md";

    /// <summary>The policy's stable name: <c>SCHED_FIFO</c> or <c>normal</c>.</summary>
    public string Policy => Granted is null ? "normal" : "SCHED_FIFO";

    /// <summary>One line for the summary, e.g. <c>real-time priority: SCHED_FIFO 80</c>.</summary>
    public string Describe() => (Requested, Granted) switch
    {
        (_, int p) => $"real-time priority: SCHED_FIFO {p}",
        (null, _) => $"real-time priority: off (normal scheduling, as asked; expect deadline misses under load, see {Guide})",
        _ => $"real-time priority: not permitted (normal scheduling; expect deadline misses under load, see {Guide})",
    };
}
