using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Observation;

/// <summary>
/// Sees everything a run does, as it happens: every emitted action, every fast and slow tick with its
/// timing, every latent published, every fault. Recorders, metrics and fault logs hang off this. Each
/// event comes from the run's ledger, in the same call that counted it.
/// </summary>
/// <remarks>
/// Calls arrive on the thread that did the work: the fast (dispatcher) thread, a slow worker thread,
/// or, in real time, the deadline watchdog. Implementations must be thread-safe, must not block and
/// should not allocate: they run inside the tick. Exceptions are caught and counted
/// (<c>guards.observer_faults</c>) so an observer can never stop the clock.
/// </remarks>
public interface IRunObserver
{
    /// <summary>An action went to the sink (after guard, clamp and rate limit).</summary>
    /// <param name="timeNs">Run time of the action, ns from tick 0.</param>
    /// <param name="tick">Action-clock tick index.</param>
    /// <param name="kind">Model, degraded, hold or safe.</param>
    /// <param name="action">The values sent; valid only during the call.</param>
    void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action);

    /// <summary>One action-clock tick finished (its action, if any, was reported first).</summary>
    void OnFastTick(in FastTickRecord record);

    /// <summary>One slow-clock tick was triggered and skipped, or its update finished.</summary>
    void OnSlowTick(in SlowTickRecord record);

    /// <summary>A latent snapshot became visible to its readers.</summary>
    /// <param name="clock">The clock that computed it.</param>
    /// <param name="snapshot">The snapshot (immutable).</param>
    /// <param name="publishedNs">Run time at which it became visible, ns.</param>
    void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs);

    /// <summary>
    /// A fault was counted in the run's ledger, in the same call (a miss, a head fault, a non-finite action,
    /// a context failure, timeout or circuit rejection, a sensor or sink fault; docs/vocabulary.md).
    /// </summary>
    /// <remarks>Default: ignored, so observers that don't care need not implement it.</remarks>
    void OnFault(in FaultRecord record)
    {
    }
}
