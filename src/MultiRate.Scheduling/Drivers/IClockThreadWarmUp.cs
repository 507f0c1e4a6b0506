namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// A scheduler capability: compiles the scheduler's own per-tick path on the calling thread (its clock
/// thread during the real-time warm-up), touching neither its queue nor its counters, so tick 0 does not.
/// </summary>
internal interface IClockThreadWarmUp
{
    /// <summary>Runs the periodic path once on throwaway work.</summary>
    void PreparePeriodicPath();
}
