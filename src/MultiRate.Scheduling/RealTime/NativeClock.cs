using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MultiRate.Scheduling.RealTime;

/// <summary>
/// CLOCK_MONOTONIC reads and absolute-time sleeps through libc. On non-Linux hosts it falls back
/// to <see cref="Stopwatch"/> and <see cref="Thread.Sleep(int)"/> (coarser, but correct).
/// </summary>
/// <remarks>
/// Why absolute sleeps: a relative sleep computed from "now" drifts by the time spent between
/// reading the clock and sleeping; TIMER_ABSTIME wakes at the booked instant (plus kernel latency),
/// whatever happened before the call.
/// </remarks>
internal static unsafe partial class NativeClock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsTime = 1;
    private const int Eintr = 4;

    private static readonly bool UseLibc = OperatingSystem.IsLinux();

    /// <summary>Monotonic time in nanoseconds.</summary>
    public static long MonotonicNs()
    {
        if (UseLibc)
        {
            Timespec ts;
            _ = ClockGettime(ClockMonotonic, &ts);
            return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    /// <summary>Sleeps until the monotonic clock reads at least <paramref name="deadlineNs"/>.</summary>
    public static void SleepUntil(long deadlineNs)
    {
        if (UseLibc)
        {
            Timespec ts = new() { Seconds = deadlineNs / 1_000_000_000L, Nanoseconds = deadlineNs % 1_000_000_000L };
            int rc;
            do
            {
                rc = ClockNanosleep(ClockMonotonic, TimerAbsTime, &ts, null);
            }
            while (rc == Eintr);
            return;
        }

        long remaining = deadlineNs - MonotonicNs();
        if (remaining > 1_000_000)
        {
            Thread.Sleep((int)(remaining / 1_000_000));
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, Timespec* request, Timespec* remain);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGettime(int clockId, Timespec* ts);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
