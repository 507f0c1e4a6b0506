namespace MultiRate.Scheduling.RealTime;

/// <summary>Options of the <see cref="RealTimeScheduler"/>. Defaults suit a 1 kHz loop on a general-purpose kernel.</summary>
public sealed class RealTimeSchedulerOptions
{
    /// <summary>
    /// The thread sleeps (absolute clock_nanosleep) until this long before a deadline, then spins.
    /// Default 200 us: on this class of machine an absolute sleep wakes about 120 us late at p50,
    /// so a 200 us margin lands most wakes before the deadline and the spin absorbs the rest.
    /// Larger margins cost CPU; 0 means no spin.
    /// </summary>
    public TimeSpan SpinMargin { get; init; } = TimeSpan.FromMicroseconds(200);

    /// <summary>Name of the dedicated thread (visible in top/htop).</summary>
    public string ThreadName { get; init; } = "multirate-rt";

    /// <summary>Pin the thread to this CPU, when set.</summary>
    public int? Cpu { get; init; }

    /// <summary>SCHED_FIFO priority (1-99) for the thread, when set. Needs CAP_SYS_NICE; failure is reported, not thrown.</summary>
    public int? FifoPriority { get; init; }
}
