using HdrHistogram;

namespace MultiRate.Scheduling.Diagnostics;

/// <summary>
/// Creates HdrHistograms whose counts arrays are written through once, so recording into them later
/// takes no page fault.
/// </summary>
/// <remarks>
/// Why: a 1 ns..10 s histogram at 3 digits holds about 200 KB of counts, allocated from fresh memory
/// the GC need not zero. Each new range of recorded values would then first-touch a page on the
/// recording thread (about 50 faults per histogram, measured on the clock thread by `bench wakeup`'s
/// <c>fast_thread_page_faults</c>), and on a VM a fault can cost far more than its usual microseconds.
/// </remarks>
public static class PrefaultedHistogram
{
    /// <summary>A <see cref="LongHistogram"/> from 1 to <paramref name="highestTrackableValue"/>, counts written.</summary>
    public static LongHistogram Create(long highestTrackableValue, int significantDigits) =>
        Prefault(new LongHistogram(highestTrackableValue, significantDigits));

    /// <summary>A <see cref="LongHistogram"/> with an instance id (for <see cref="Recorder"/>), counts written.</summary>
    public static LongHistogram Create(long instanceId, long lowestTrackableValue, long highestTrackableValue, int significantDigits) =>
        Prefault(new LongHistogram(instanceId, lowestTrackableValue, highestTrackableValue, significantDigits));

    private static LongHistogram Prefault(LongHistogram histogram)
    {
        histogram.Reset(); // clears the counts array: one write through every page
        return histogram;
    }
}
