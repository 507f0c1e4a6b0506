namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// A scheduler capability: the scheduler's own time as integer nanoseconds, the time base its
/// <see cref="ITickScheduler"/> deadlines are booked in. Asked for with
/// <see cref="SchedulerCapabilities.GetCapability{T}"/>, never by a type test.
/// </summary>
/// <remarks>
/// Real time: CLOCK_MONOTONIC, shared by every scheduler in the process, so two real-time schedulers
/// (the action clock's and the deadline watchdog's) agree on tick 0 without a shared epoch object.
/// Virtual time: the virtual clock. Readable from any thread.
/// </remarks>
public interface INanosecondClock
{
    /// <summary>Now, in nanoseconds of this scheduler's time base.</summary>
    long NowNs { get; }
}
