namespace MultiRate.Core.Sensors;

/// <summary>
/// A sensor source that also tells, per stream (topic), which sample it holds and how many samples
/// that stream has delivered, so the runtime can detect dropouts, late, duplicated and out-of-order
/// samples and clock jumps. Optional: sources that don't implement it are read as before, unchecked.
/// </summary>
/// <remarks>
/// <see cref="ReadSampleTimes"/> is called on the fast thread right after <see cref="ISensorSource.Read"/>
/// for the same time; it must not allocate or block.
/// </remarks>
public interface ITimedSensorSource : ISensorSource
{
    /// <summary>Names of the streams; each delivers samples of one or more fields at once.</summary>
    IReadOnlyList<string> Streams { get; }

    /// <summary>Stream index of each field, in <see cref="ISensorSource.Fields"/> order.</summary>
    IReadOnlyList<int> StreamOfField { get; }

    /// <summary>Describes the samples the last <see cref="ISensorSource.Read"/> returned.</summary>
    /// <param name="sampleTimesNs">Receives, per stream, the stream's own timestamp of the sample held (sensor time, ns).</param>
    /// <param name="deliveries">Receives, per stream, how many samples it has delivered so far; an increase means a new delivery.</param>
    void ReadSampleTimes(Span<long> sampleTimesNs, Span<long> deliveries);
}
