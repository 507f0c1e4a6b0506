using System.Runtime.InteropServices;
using MultiRate.Bench.Diagnostics;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Bench.Tests.Diagnostics;

/// <summary>The per-thread fault counter, and the fast path's memory written before it is used (Linux only).</summary>
public sealed class ThreadUsageTests
{
    /// <summary>Pages of the histogram's counts array: 1 ns..10 s at 3 digits is about 25,600 counts (200 KB), 50 pages.</summary>
    private const int HistogramPages = 50;

    [Fact]
    public void Since_SubtractsEachCounter()
    {
        var later = new ThreadUsage(10, 3, 7, 5);
        Assert.Equal(new ThreadUsage(6, 2, 4, 1), later.Since(new ThreadUsage(4, 1, 3, 4)));
    }

    [Fact]
    public void TryRead_CountsTheFaultsOfFirstWritesOnThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(ThreadUsage.TryRead(out _));
            return;
        }

        // 64 MiB is past glibc's largest dynamic mmap threshold (32 MiB), so malloc always maps fresh
        // pages (a smaller block can come back from the heap already faulted in, after an earlier free
        // raised the threshold). One write per 2 MiB region faults once even with transparent huge pages.
        const long Size = 64L << 20;
        const long Stride = 2L << 20;
        IntPtr memory = Marshal.AllocHGlobal((IntPtr)Size);
        try
        {
            Assert.True(ThreadUsage.TryRead(out ThreadUsage before));
            for (long offset = 0; offset < Size; offset += Stride)
            {
                Marshal.WriteByte(memory, (int)offset, 1);
            }

            Assert.True(ThreadUsage.TryRead(out ThreadUsage after));

            // 32 regions written, 31 for the first time (the first holds malloc's header): each faults.
            Assert.True(after.Since(before).MinorFaults >= 31, $"minor faults {after.Since(before).MinorFaults}");
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void LatencyHistogram_RecordingAcrossItsWholeRange_TakesNoPageFault()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        long[] values = LogSpaced(2_000);
        RunOnFreshThread(() =>
        {
            var warm = new LatencyHistogram();
            Record(warm, values); // compiles Record here, not inside the measured part
            var histogram = new LatencyHistogram();

            Assert.True(ThreadUsage.TryRead(out ThreadUsage before));
            Record(histogram, values);
            Assert.True(ThreadUsage.TryRead(out ThreadUsage after));

            // Without the constructor's write of every page this is about one fault per page of the counts.
            Assert.True(after.Since(before).MinorFaults < HistogramPages / 10, $"minor faults {after.Since(before).MinorFaults}");
            Assert.Equal(values.Length, histogram.Count);
        });
    }

    [Fact]
    public void FastTickRecorder_ManyMissEvents_TakeNoPageFault()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        RunOnFreshThread(() =>
        {
            Feed(new FastTickRecorder(() => 0, warmUpTicks: 0), 2_000); // compiles the path first
            var recorder = new FastTickRecorder(() => 0, warmUpTicks: 0);

            Assert.True(ThreadUsage.TryRead(out ThreadUsage before));
            Feed(recorder, FastTickRecorder.MissEventCapacity);
            Assert.True(ThreadUsage.TryRead(out ThreadUsage after));

            // The miss log is 64 Ki timestamps, tick counts, faults and switches (1.5 MB, about 380 pages).
            Assert.True(after.Since(before).MinorFaults < 38, $"minor faults {after.Since(before).MinorFaults}");
            Assert.Equal(FastTickRecorder.MissEventCapacity, recorder.MissEvents.Count());
        });
    }

    private static void Feed(FastTickRecorder recorder, int misses)
    {
        for (long k = 0; k < misses; k++)
        {
            recorder.OnFastTick(new FastTickRecord(k, k * 1_000_000, 5_000, 5_000, 500_000, FastTickOutcome.Miss, 1, 0));
        }
    }

    private static void Record(LatencyHistogram histogram, long[] values)
    {
        foreach (long v in values)
        {
            histogram.Record(v);
        }
    }

    /// <summary>Values from 1 ns to 10 s, evenly spaced on a log scale, so every range of the histogram gets some.</summary>
    private static long[] LogSpaced(int n) =>
        [.. Enumerable.Range(0, n).Select(i => (long)Math.Round(Math.Pow(10, 10.0 * i / (n - 1))))];

    private static void RunOnFreshThread(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
