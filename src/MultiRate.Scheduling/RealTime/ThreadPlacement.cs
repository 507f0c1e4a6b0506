using System.Runtime.InteropServices;

namespace MultiRate.Scheduling.RealTime;

/// <summary>Pins the calling thread to a CPU and raises it to SCHED_FIFO, where the OS allows.</summary>
/// <remarks>
/// Both calls act on the calling thread only (tid 0). Failures are reported as text, never thrown:
/// a robot without CAP_SYS_NICE still runs, and the summary says what was not applied.
/// </remarks>
internal static unsafe partial class ThreadPlacement
{
    private const int SchedFifo = 1;

    /// <summary>Pins the current thread to <paramref name="cpu"/>; returns null on success or a reason.</summary>
    public static string? PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "CPU pinning is only implemented on Linux";
        }

        if (cpu < 0 || cpu >= Environment.ProcessorCount)
        {
            return $"cpu {cpu} does not exist (this machine has {Environment.ProcessorCount})";
        }

        ulong* mask = stackalloc ulong[16];
        mask[cpu / 64] |= 1UL << (cpu % 64);
        int rc = SchedSetAffinity(0, (nuint)(16 * sizeof(ulong)), mask);
        return rc == 0 ? null : $"sched_setaffinity failed (errno {Marshal.GetLastPInvokeError()})";
    }

    /// <summary>Sets SCHED_FIFO with <paramref name="priority"/> on the current thread; returns null on success or a reason.</summary>
    public static string? SetFifoPriority(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "SCHED_FIFO is only available on Linux";
        }

        int param = priority;
        int rc = SchedSetScheduler(0, SchedFifo, &param);
        return rc == 0 ? null : $"sched_setscheduler(SCHED_FIFO, {priority}) failed (errno {Marshal.GetLastPInvokeError()}; needs CAP_SYS_NICE or an rtprio limit)";
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint size, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, int* param);
}
