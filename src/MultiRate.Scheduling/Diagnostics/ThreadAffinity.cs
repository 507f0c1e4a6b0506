using System.Runtime.InteropServices;

namespace MultiRate.Scheduling.Diagnostics;

/// <summary>Reads the CPU set the calling thread may run on (sched_getaffinity), to check that pinning landed.</summary>
public static unsafe partial class ThreadAffinity
{
    /// <summary>The CPUs the calling thread may run on, ascending; null where the OS call is unavailable (not Linux) or fails.</summary>
    public static IReadOnlyList<int>? CurrentThreadCpus()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        const int Words = 16;
        ulong* mask = stackalloc ulong[Words];
        if (SchedGetAffinity(0, (nuint)(Words * sizeof(ulong)), mask) < 0)
        {
            return null;
        }

        var cpus = new List<int>();
        for (int w = 0; w < Words; w++)
        {
            for (int bit = 0; bit < 64; bit++)
            {
                if ((mask[w] & (1UL << bit)) != 0)
                {
                    cpus.Add((w * 64) + bit);
                }
            }
        }

        return cpus;
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int SchedGetAffinity(int pid, nuint size, ulong* mask);
}
