using HdrHistogram;

namespace MultiRate.Scheduling.Stats;

/// <summary>How old the latent the head read was, and how many recursion steps it had, per fast tick.</summary>
/// <remarks>
/// Written by the fast thread only; recording allocates nothing. The actions and what happened to
/// each tick are counted in the run's <see cref="Ledger.RunLedger"/>.
/// </remarks>
public sealed class HeadStats
{
    private const long MaxAgeNs = 3_600_000_000_000L;

    /// <summary>Latent age at each fast tick, nanoseconds.</summary>
    public LongHistogram LatentAge { get; } = new(MaxAgeNs, 3);

    /// <summary>Recursion steps of the latent read at each fast tick.</summary>
    public LongHistogram RecursionSteps { get; } = new(1024, 3);

    private int _pendingSteps = -1;
    private long _pendingCount;

    /// <summary>Version of the last latent read.</summary>
    public long LastLatentVersion;

    /// <summary>Records one latent age.</summary>
    public void RecordAge(long ns) => LatentAge.RecordValue(Math.Clamp(ns, 0, MaxAgeNs));

    /// <summary>
    /// Records the recursion steps of the latent read at one fast tick. Consecutive ticks usually read
    /// the same latent, so equal values are counted run-length and recorded with their count when the
    /// value changes or at <see cref="Flush"/>: the histogram ends up identical, at one record per
    /// latent instead of one per tick (a measured cost on the fast path).
    /// </summary>
    public void RecordRecursionSteps(int steps)
    {
        if (steps != _pendingSteps)
        {
            Flush();
            _pendingSteps = steps;
        }

        _pendingCount++;
    }

    /// <summary>Records the pending run of <see cref="RecordRecursionSteps"/>; call before reading <see cref="RecursionSteps"/> (the summary does).</summary>
    public void Flush()
    {
        if (_pendingCount > 0)
        {
            RecursionSteps.RecordValueWithCount(Math.Clamp(_pendingSteps, 0, 1024), _pendingCount);
            _pendingCount = 0;
        }
    }
}
