using HdrHistogram;
using MultiRate.Scheduling.Diagnostics;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// A histogram written by one hot thread and read by another: the writer records into an HdrHistogram
/// <see cref="Recorder"/> (wait-free, no allocation), the reader swaps out interval histograms and adds
/// them into a running total that only it touches.
/// </summary>
/// <remarks>
/// Why not read the executor's own <c>LongHistogram</c>s: HdrHistogram's plain histograms are not
/// safe to read while another thread records (counts and total can be torn). The recorder's
/// writer/reader phaser gives the reader a consistent interval without ever blocking the writer.
/// One writer thread per instance; <see cref="Drain"/> from one reader at a time.
/// </remarks>
internal sealed class LiveHistogram
{
    private readonly Recorder _recorder;
    private readonly LongHistogram _total;
    private readonly long _highest;
    private HistogramBase? _recycle;

    public LiveHistogram(long highestTrackableValue)
    {
        _highest = highestTrackableValue;
        _recorder = new Recorder(1, highestTrackableValue, 3, (id, low, high, digits) => PrefaultedHistogram.Create(id, low, high, digits));
        _total = PrefaultedHistogram.Create(highestTrackableValue, 3);
    }

    /// <summary>Records one value (clamped to the trackable range). Writer thread; allocation-free.</summary>
    public void Record(long value) => _recorder.RecordValue(Math.Clamp(value, 0, _highest));

    /// <summary>Moves everything recorded since the last call into the running total and returns it. Reader thread.</summary>
    public HistogramBase Drain()
    {
        _recycle = _recorder.GetIntervalHistogram(_recycle);
        _total.Add(_recycle);
        return _total;
    }

}
