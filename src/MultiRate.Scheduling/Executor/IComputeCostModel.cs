namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Virtual-time compute durations: how long a module "takes" in replay, so deadlines, latency
/// and jitter can be simulated deterministically. Real time measures instead.
/// </summary>
public interface IComputeCostModel
{
    /// <summary>Virtual compute time of a clock's work at tick <paramref name="tick"/>.</summary>
    /// <param name="clock">Clock name.</param>
    /// <param name="tick">Tick index of that clock.</param>
    /// <param name="declaredNs">The profile's declared latency for that clock (0 for the head).</param>
    long CostNs(string clock, long tick, long declaredNs);
}
