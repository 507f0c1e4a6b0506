namespace MultiRate.Scheduling.Executor;

/// <summary>Which kind of time a <see cref="Drivers.ClockDriver"/> keeps (a driver's own property, reported in the run summary).</summary>
public enum ExecutionMode
{
    /// <summary>Wall-clock deadlines (<see cref="Drivers.RealTimeDriver"/>); slow modules on worker threads.</summary>
    RealTime,

    /// <summary>Integer-nanosecond virtual time on log or synthetic timestamps (<see cref="Drivers.VirtualTimeDriver"/>), as fast as the models allow.</summary>
    Virtual,
}
