namespace MultiRate.Scheduling.Stats;

/// <summary>What a run did: per-clock figures, the actions emitted and the latent ages seen.</summary>
public sealed record RunSummary
{
    /// <summary>Profile name.</summary>
    public required string Profile { get; init; }

    /// <summary><c>realtime</c> or <c>virtual</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>Run length on the run's own clock, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Wall-clock time the run took, seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Per-clock figures, slowest first.</summary>
    public required IReadOnlyList<ClockSummary> Clocks { get; init; }

    /// <summary>Actions sent: one per action-clock period that got one (a tick, or a skipped period the watchdog covered), plus the stop action.</summary>
    public required long Actions { get; init; }

    /// <summary>Actions by kind: model, degraded, hold, safe.</summary>
    public required IReadOnlyDictionary<string, long> ActionsByKind { get; init; }

    /// <summary>SHA-256 over every emitted action.</summary>
    public required string ActionsSha256 { get; init; }

    /// <summary>Latent age in ms at the fast ticks: p50, p99, max.</summary>
    public required double LatentAgeP50Ms { get; init; }

    /// <summary>Latent age p99, ms.</summary>
    public required double LatentAgeP99Ms { get; init; }

    /// <summary>Latent age max, ms.</summary>
    public required double LatentAgeMaxMs { get; init; }

    /// <summary>Fast ticks on a stale (or absent) latent.</summary>
    public required long StaleTicks { get; init; }

    /// <summary>Version of the last latent the head read.</summary>
    public required long LastLatentVersion { get; init; }

    /// <summary>Latents published per slow clock.</summary>
    public required IReadOnlyDictionary<string, long> LatentsPublished { get; init; }

    /// <summary>Recursion steps of the latents read: p50 and max.</summary>
    public required double RecursionStepsP50 { get; init; }

    /// <summary>Faults and protections that fired, by their stable names (<see cref="Ledger.LedgerNames.Guards"/>).</summary>
    public required IReadOnlyDictionary<string, long> Guards { get; init; }

    /// <summary>
    /// Every count of the run's ledger (per clock and in total, by entry and by stable name): the figures
    /// above are read from it, and outputs that need more (fallback reasons, skipped triggers, circuit
    /// transitions) read it here. Null only for summaries not built from a run.
    /// </summary>
    public Ledger.LedgerSnapshot? Ledger { get; init; }

    /// <summary>True when the run was stopped before its end (signal, Ctrl-C); the last action sent was then the safe action.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>What scheduling a real-time run's action clock got (null for a virtual-time run).</summary>
    public RealTimePriority? Priority { get; init; }

    /// <summary>Why the run stopped: one of <see cref="StopReasons"/> (<c>completed</c> or <c>signal</c>).</summary>
    public string StopReason { get; init; } = StopReasons.Completed;

    /// <summary>Where each module ran, by module name (<c>head</c>, each context module); empty when the modules do not say.</summary>
    public IReadOnlyDictionary<string, string> Devices { get; init; } = new Dictionary<string, string>();
}
