namespace MultiRate.Scheduling.Executor;

/// <summary>Runs a slow clock's update away from the fast path: on a worker thread in real time, inline with a simulated latency in virtual time.</summary>
internal interface ISlowRunner : IDisposable
{
    /// <summary>True while an update runs (a trigger now is skipped and counted).</summary>
    bool Busy { get; }

    /// <summary>Starts one update of <paramref name="stage"/>. Only called when not <see cref="Busy"/>.</summary>
    void Start(SlowStage stage, long slowTick, long timeNs);

    /// <summary>Before tick 0 (real time): runs one throwaway update through the same path a trigger takes; nothing when there is nothing to warm.</summary>
    void WarmUp(SlowStage stage);
}
