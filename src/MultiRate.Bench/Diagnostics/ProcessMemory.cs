using System.Runtime.InteropServices;

namespace MultiRate.Bench.Diagnostics;

/// <summary>Process memory figures for soak runs.</summary>
public static partial class ProcessMemory
{
    /// <summary>
    /// The resident set the process really retains: measured after an aggressive, compacting full
    /// collection (the GC gives its free segments back) and, on Linux, glibc's <c>malloc_trim</c> (native
    /// memory already freed but cached in malloc's arenas goes back too). Raw RSS also holds the
    /// garbage of the last gen0 budget and those caches, so it is not a leak measure on its own.
    /// </summary>
    /// <remarks>Stops the world and trims the heap: call it outside the measured run.</remarks>
    public static long RetainedResidentBytes()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc (e.g. musl): the figure then includes malloc's caches.
            }
        }

        return Environment.WorkingSet;
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
