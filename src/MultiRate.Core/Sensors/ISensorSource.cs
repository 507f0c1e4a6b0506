namespace MultiRate.Core.Sensors;

/// <summary>
/// A source of observations, read by sample-and-hold: the value at time t is the latest sample at
/// or before t. Built-in sources are synthetic signals and replayed logs; robots add their own via DI.
/// </summary>
/// <remarks>
/// <see cref="Read"/> is called on the fast thread with non-decreasing times; it must not allocate
/// or block. Values the source has not seen yet read as 0.
/// </remarks>
public interface ISensorSource : IDisposable
{
    /// <summary>Names of the observation fields, in vector order (e.g. <c>/imu.angular_velocity.x</c>).</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>Time of the first sample, when known (logs); null for live sources.</summary>
    long? StartNs { get; }

    /// <summary>Time of the last sample, when known (logs); null for live sources.</summary>
    long? EndNs { get; }

    /// <summary>Writes the held observation at <paramref name="timeNs"/> into <paramref name="observation"/>.</summary>
    /// <returns>False when the source has no data at or before that time.</returns>
    bool Read(long timeNs, Span<float> observation);
}
