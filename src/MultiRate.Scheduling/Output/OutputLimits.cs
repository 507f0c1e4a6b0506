using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Output;

/// <summary>
/// The action limits the output stage applies, immutable and packed in one array
/// (<c>[safe | min | max | max rate]</c>, one dimension each), so an emission reads them from one or
/// two cache lines and a hot reload replaces them all at once with one reference store.
/// </summary>
internal sealed class OutputLimits
{
    private readonly float[] _packed;

    public OutputLimits(ActionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Dimension = spec.Safe.Count;
        HasRate = spec.MaxRatePerSecond is not null;
        _packed = new float[Dimension * 4];
        for (int i = 0; i < Dimension; i++)
        {
            _packed[i] = (float)spec.Safe[i];
            _packed[Dimension + i] = (float)spec.Min[i];
            _packed[(2 * Dimension) + i] = (float)spec.Max[i];
            _packed[(3 * Dimension) + i] = HasRate ? (float)spec.MaxRatePerSecond![i] : float.PositiveInfinity;
        }
    }

    public int Dimension { get; }

    /// <summary>True when the spec limits the rate of change.</summary>
    public bool HasRate { get; }

    public ReadOnlySpan<float> Safe => _packed.AsSpan(0, Dimension);

    public ReadOnlySpan<float> Min => _packed.AsSpan(Dimension, Dimension);

    public ReadOnlySpan<float> Max => _packed.AsSpan(2 * Dimension, Dimension);

    /// <summary>Largest change per second, per dimension (+inf where unlimited).</summary>
    public ReadOnlySpan<float> MaxRate => _packed.AsSpan(3 * Dimension, Dimension);
}
