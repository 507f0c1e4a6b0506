namespace MultiRate.Scheduling.Resilience;

/// <summary>Fault counters of one clock: its slow path (timeouts, circuit) or, for the action clock, its sensor guard.</summary>
/// <remarks>
/// Each field has one writer thread (the slow path's completion thread, or the fast thread for the
/// sensor guard), except the circuit transitions, which Polly reports from whatever thread runs the
/// pipeline and are incremented atomically. Readers may see values a few ticks old. No allocation.
/// </remarks>
public sealed class ResilienceCounters
{
    /// <summary>Slow updates that ran past the timeout (the old latent stays).</summary>
    public long ContextTimeouts;

    /// <summary>Slow updates whose module threw or returned a failed outcome.</summary>
    public long ContextFaults;

    /// <summary>Slow updates whose latent had NaN or infinity.</summary>
    public long ContextNonFinite;

    /// <summary>Triggers rejected without calling the module: the circuit was open (or the worker cap was reached).</summary>
    public long CircuitRejections;

    /// <summary>Times the circuit opened.</summary>
    public long CircuitOpened;

    /// <summary>Times the circuit went half-open to let one probe through.</summary>
    public long CircuitHalfOpened;

    /// <summary>Times the circuit closed again after a successful probe.</summary>
    public long CircuitClosed;

    /// <summary>Real time: worker threads left behind in a module call that never returned.</summary>
    public long AbandonedWorkers;

    /// <summary>Real time: results that an abandoned worker produced after its timeout (discarded).</summary>
    public long LateResults;

    /// <summary>Sensor streams that went silent past the dropout limit (one per episode).</summary>
    public long SensorDropouts;

    /// <summary>Sensor samples that arrived later than the late limit (used anyway).</summary>
    public long SensorLate;

    /// <summary>Sensor samples older than the last accepted one (dropped).</summary>
    public long SensorOutOfOrder;

    /// <summary>Sensor samples with the same timestamp as the last accepted one (dropped).</summary>
    public long SensorDuplicates;

    /// <summary>Backward jumps of a stream's clock past the limit (the stream is re-anchored).</summary>
    public long SensorClockJumps;
}
