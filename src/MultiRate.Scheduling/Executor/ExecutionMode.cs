namespace MultiRate.Scheduling.Executor;

/// <summary>Which clock drives the executor graph.</summary>
public enum ExecutionMode
{
    /// <summary>Wall-clock deadlines on the <see cref="RealTime.RealTimeScheduler"/>; slow modules on worker threads.</summary>
    RealTime,

    /// <summary>Rx's HistoricalScheduler on log or synthetic timestamps, as fast as the models allow.</summary>
    Virtual,
}
