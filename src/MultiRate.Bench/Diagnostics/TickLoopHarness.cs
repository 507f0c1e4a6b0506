using System.Diagnostics;

namespace MultiRate.Bench.Diagnostics;

/// <summary>
/// Times tick functions one call at a time on the calling thread and keeps the full distribution
/// of each in an HdrHistogram. Several variants (e.g. a bare head loop and the whole runtime) run
/// in alternating blocks in one process, so slow drifts of a shared, noisy machine (other tenants,
/// frequency changes) hit every variant alike instead of whichever ran second.
/// </summary>
/// <remarks>
/// <code>
///   warm-up: A x W, B x W                     (not recorded)
///   blocks:  A x N | B x N | A x N | B x N ...  each call: t0 = ts; tick(i); record(ts - t0)
/// </code>
/// Each variant gets its own running index i = 0, 1, 2, ... The recording itself allocates nothing,
/// so the allocation count per variant is the tick function's own.
/// </remarks>
public static class TickLoopHarness
{
    /// <summary>Runs <paramref name="variants"/> interleaved and returns one distribution per variant.</summary>
    public static TickLoopResult RunInterleaved(IReadOnlyList<Action<long>> variants, TickLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(variants.Count);
        int n = variants.Count;
        long[] next = new long[n];
        var histograms = new LatencyHistogram[n];
        var blockMedians = new List<double>[n];
        long[] allocated = new long[n];
        for (int v = 0; v < n; v++)
        {
            histograms[v] = new LatencyHistogram();
            blockMedians[v] = new List<double>(options.Blocks);
            for (int i = 0; i < options.WarmUpTicks; i++)
            {
                variants[v](next[v]++);
            }
        }

        double timerNs = TimerOverheadNs();
        for (int b = 0; b < options.Blocks; b++)
        {
            for (int v = 0; v < n; v++)
            {
                var block = new LatencyHistogram();
                Action<long> tick = variants[v];
                long index = next[v];
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < options.TicksPerBlock; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    tick(index++);
                    long t1 = Stopwatch.GetTimestamp();
                    block.Record(ToNs(t1 - t0));
                }

                allocated[v] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                next[v] = index;
                histograms[v].Add(block);
                blockMedians[v].Add(block.PercentileUs(50));
            }
        }

        return new TickLoopResult(histograms, blockMedians, timerNs, allocated);
    }

    /// <summary>Stopwatch ticks to nanoseconds.</summary>
    public static long ToNs(long stopwatchTicks) => (long)(stopwatchTicks * (1e9 / Stopwatch.Frequency));

    private static double TimerOverheadNs()
    {
        var h = new LatencyHistogram();
        for (int i = 0; i < 10_000; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            long t1 = Stopwatch.GetTimestamp();
            h.Record(ToNs(t1 - t0));
        }

        return h.PercentileUs(50) * 1e3;
    }
}
