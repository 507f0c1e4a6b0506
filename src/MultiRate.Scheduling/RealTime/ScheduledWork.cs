namespace MultiRate.Scheduling.RealTime;

/// <summary>An entry in the real-time scheduler's queue. Disposing cancels it.</summary>
internal abstract class ScheduledWork : IDisposable
{
    private volatile bool _cancelled;

    /// <summary>Monotonic due time in nanoseconds.</summary>
    public long DueNs { get; set; }

    /// <summary>True once disposed.</summary>
    public bool Cancelled => _cancelled;

    /// <summary>True for work that re-queues itself.</summary>
    public abstract bool IsPeriodic { get; }

    /// <summary>Runs the work on the scheduler thread. Returns true to be queued again at <see cref="DueNs"/>.</summary>
    public abstract bool Invoke(RealTimeScheduler scheduler);

    /// <inheritdoc />
    public void Dispose()
    {
        _cancelled = true;
        GC.SuppressFinalize(this);
    }
}
