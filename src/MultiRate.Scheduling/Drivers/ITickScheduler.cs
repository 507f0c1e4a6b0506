namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// A scheduler capability: periodic work at absolute nanosecond deadlines
/// (<c>firstDueNs + k * periodNs</c>, computed from k, never accumulated) that hands each run the tick
/// index it was booked for. Asked for with <see cref="SchedulerCapabilities.GetCapability{T}"/>.
/// </summary>
/// <remarks>
/// After an overrun whole periods are skipped, never run as a catch-up burst; a wake-up later than the
/// next deadline runs the latest tick due. Either way the index handed over jumps, and the receiver
/// counts the gap. The index comes from the scheduler's own deadline book; nothing rebuilds it from a
/// clock reading. The work runs on the scheduler's thread.
/// </remarks>
public interface ITickScheduler
{
    /// <summary>Runs <paramref name="tick"/> with index k at <c>firstDueNs + k * periodNs</c> (this scheduler's <see cref="INanosecondClock"/> time) until disposed.</summary>
    IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick);
}
