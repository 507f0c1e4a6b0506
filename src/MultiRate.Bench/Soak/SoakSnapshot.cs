using System.Text.Json.Nodes;
using TorchSharp;

namespace MultiRate.Bench.Soak;

/// <summary>Process memory and GC counters at one instant of a soak run.</summary>
/// <param name="HeapBytes">Managed heap in use (GC.GetTotalMemory without a collection).</param>
/// <param name="RssBytes">Process resident set (Environment.WorkingSet).</param>
/// <param name="Gen0">Gen-0 collections since the process started.</param>
/// <param name="Gen1">Gen-1 collections.</param>
/// <param name="Gen2">Gen-2 collections.</param>
/// <param name="LiveTensors">TorchSharp tensors created and not yet disposed, process-wide (torch.Tensor.TotalCount).</param>
internal sealed record SoakSnapshot(long HeapBytes, long RssBytes, int Gen0, int Gen1, int Gen2, long LiveTensors)
{
    /// <summary>Reads the counters now; allocates a little (call it off the fast thread).</summary>
    public static SoakSnapshot Take() =>
        new(GC.GetTotalMemory(false), Environment.WorkingSet, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), torch.Tensor.TotalCount);

    /// <summary>The managed heap after a full blocking collection (the leak measure), in bytes.</summary>
    public static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    public JsonObject ToJson() => new()
    {
        ["heap_mib"] = Mib(HeapBytes),
        ["rss_mib"] = Mib(RssBytes),
        ["live_tensors"] = LiveTensors,
    };

    public static double Mib(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 2);
}
