namespace MultiRate.Core.Sensors;

/// <summary>
/// A built-in, deterministic sensor: field i is <c>sin(2 pi f_i t + phase_i)</c> with
/// <c>f_i = 0.5 + 0.37 i</c> Hz, so runs without hardware or logs still exercise every input.
/// </summary>
/// <remarks>Pure function of time: allocation-free and safe to read from any thread.</remarks>
public sealed class SyntheticSensorSource : ISensorSource
{
    /// <summary>Creates a source with the given field names.</summary>
    public SyntheticSensorSource(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Fields { get; }

    /// <inheritdoc />
    public long? StartNs => null;

    /// <inheritdoc />
    public long? EndNs => null;

    /// <inheritdoc />
    public bool Read(long timeNs, Span<float> observation)
    {
        double t = timeNs / 1e9;
        for (int i = 0; i < Fields.Count && i < observation.Length; i++)
        {
            double f = 0.5 + (0.37 * i);
            observation[i] = (float)Math.Sin((2 * Math.PI * f * t) + (0.7 * i));
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
