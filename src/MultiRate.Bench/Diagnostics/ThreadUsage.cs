using System.Runtime.InteropServices;

namespace MultiRate.Bench.Diagnostics;

/// <summary>
/// The calling thread's page faults and context switches since it started, from
/// <c>getrusage(RUSAGE_THREAD)</c>: one system call into a stack buffer, no allocation, so the fast
/// thread can read it between ticks.
/// </summary>
/// <remarks>
/// Why: a first write to a page the process never touched is a page fault on the thread that makes it,
/// and on a VM whose host reclaims guest memory it can cost far more than the usual microseconds.
/// Counting them on the clock thread tells a missed deadline caused by the fast path's own memory from
/// one caused by the machine. Linux only; elsewhere <see cref="TryRead"/> returns false.
/// </remarks>
/// <param name="MinorFaults">Page faults served without I/O (first touch of a page, a page still in memory).</param>
/// <param name="MajorFaults">Page faults that waited for I/O (e.g. code paged back in from disk).</param>
/// <param name="VoluntarySwitches">Times the thread gave the CPU up (sleeps, waits).</param>
/// <param name="InvoluntarySwitches">Times the kernel took the CPU from the thread while it could run.</param>
public readonly partial record struct ThreadUsage(long MinorFaults, long MajorFaults, long VoluntarySwitches, long InvoluntarySwitches)
{
    private const int RusageThread = 1;

    /// <summary>Reads the calling thread's counters; false where the OS has no per-thread usage.</summary>
    public static bool TryRead(out ThreadUsage usage)
    {
        usage = default;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        Rusage r;
        unsafe
        {
            if (GetRusage(RusageThread, &r) != 0)
            {
                return false;
            }
        }

        usage = new ThreadUsage(r.MinFlt, r.MajFlt, r.NVcsw, r.NIvcsw);
        return true;
    }

    /// <summary>The counts from <paramref name="earlier"/> to this reading.</summary>
    public ThreadUsage Since(ThreadUsage earlier) => new(
        MinorFaults - earlier.MinorFaults,
        MajorFaults - earlier.MajorFaults,
        VoluntarySwitches - earlier.VoluntarySwitches,
        InvoluntarySwitches - earlier.InvoluntarySwitches);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static unsafe partial int GetRusage(int who, Rusage* usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UtimeSec;
        public long UtimeUsec;
        public long StimeSec;
        public long StimeUsec;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}
