namespace MultiRate.Tests.Shared;

/// <summary>Measures the managed bytes a callback allocates in steady state on the calling thread.</summary>
internal static class SteadyStateAllocation
{
    /// <summary>
    /// Runs <paramref name="step"/> <paramref name="calls"/> times per window, up to three windows, and
    /// stops at the first window that allocated nothing. A per-call allocation shows in every window; a
    /// one-off does not repeat (tiered JIT installing optimised code can allocate once on the calling
    /// thread, which a loaded test machine makes likelier to land inside a window).
    /// </summary>
    /// <returns>The bytes the last window allocated (0 when steady) and how many windows ran.</returns>
    public static (long Allocated, int Windows) Measure(Action<long> step, long calls, long firstCall = 0)
    {
        long allocated = -1;
        int windows = 0;
        long i = firstCall;
        while (allocated != 0 && windows < 3)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long end = i + calls; i < end; i++)
            {
                step(i);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            windows++;
        }

        return (allocated, windows);
    }
}
