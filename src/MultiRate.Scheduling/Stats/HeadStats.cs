using HdrHistogram;

namespace MultiRate.Scheduling.Stats;

/// <summary>What the output stage emitted and how old the latent was, per fast tick.</summary>
/// <remarks>Written by the fast thread only; recording allocates nothing.</remarks>
public sealed class HeadStats
{
    private const long MaxAgeNs = 3_600_000_000_000L;

    /// <summary>Latent age at each fast tick, nanoseconds.</summary>
    public LongHistogram LatentAge { get; } = new(MaxAgeNs, 3);

    /// <summary>Recursion steps of the latent read at each fast tick.</summary>
    public LongHistogram RecursionSteps { get; } = new(1024, 3);

    /// <summary>Actions emitted (exactly one per fast tick that ran).</summary>
    public long Actions;

    /// <summary>Actions from the head with a fresh latent.</summary>
    public long ModelActions;

    /// <summary>Actions from the head on a stale latent.</summary>
    public long DegradedActions;

    /// <summary>Held (repeated) actions.</summary>
    public long HoldActions;

    /// <summary>Safe actions.</summary>
    public long SafeActions;

    /// <summary>Ticks where the latent was older than the limit (or absent).</summary>
    public long StaleTicks;

    /// <summary>Actions whose head output had NaN/Inf and were replaced.</summary>
    public long NonFiniteActions;

    /// <summary>Actions clamped to the limits.</summary>
    public long ClampedActions;

    /// <summary>Actuator sink exceptions.</summary>
    public long SinkFaults;

    /// <summary>Version of the last latent read.</summary>
    public long LastLatentVersion;

    /// <summary>Records one latent age.</summary>
    public void RecordAge(long ns) => LatentAge.RecordValue(Math.Clamp(ns, 0, MaxAgeNs));
}
