using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Output;

/// <summary>
/// The action limits the output stage applies, immutable and packed in one array
/// (<c>[safe | min | max | max rate]</c>, one dimension each), so an emission reads them from one or
/// two cache lines and a hot reload replaces them all at once with one reference store. The one
/// place the limits' arithmetic lives: the output stage applies it per emission, and training replays
/// it to score the actions the runtime sends.
/// </summary>
public sealed class OutputLimits
{
    private readonly float[] _packed;

    /// <summary>Packs <paramref name="spec"/>'s safe action, range and rate limits as floats.</summary>
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

    /// <summary>Action dimensions.</summary>
    public int Dimension { get; }

    /// <summary>True when the spec limits the rate of change.</summary>
    public bool HasRate { get; }

    /// <summary>The safe action.</summary>
    public ReadOnlySpan<float> Safe => _packed.AsSpan(0, Dimension);

    /// <summary>Lower bounds.</summary>
    public ReadOnlySpan<float> Min => _packed.AsSpan(Dimension, Dimension);

    /// <summary>Upper bounds.</summary>
    public ReadOnlySpan<float> Max => _packed.AsSpan(2 * Dimension, Dimension);

    /// <summary>Largest change per second, per dimension (+inf where unlimited).</summary>
    public ReadOnlySpan<float> MaxRate => _packed.AsSpan(3 * Dimension, Dimension);

    /// <summary>
    /// Limits <paramref name="work"/> in place: each value within <c>max rate x dt</c> of
    /// <paramref name="last"/> (when the spec limits the rate and dt &gt; 0), then within [min, max].
    /// Allocates nothing.
    /// </summary>
    /// <param name="work">The action to send, limited in place.</param>
    /// <param name="last">The action sent before it.</param>
    /// <param name="dtSeconds">Seconds since that action (0 for the first).</param>
    /// <returns>True when any value changed.</returns>
    public bool Apply(Span<float> work, ReadOnlySpan<float> last, double dtSeconds)
    {
        ReadOnlySpan<float> min = Min;
        ReadOnlySpan<float> max = Max;
        ReadOnlySpan<float> rate = MaxRate;
        bool limitRate = HasRate && dtSeconds > 0;
        bool clamped = false;
        for (int i = 0; i < work.Length; i++)
        {
            float v = work[i];
            if (limitRate)
            {
                float step = (float)(rate[i] * dtSeconds);
                v = Math.Clamp(v, last[i] - step, last[i] + step);
            }

            float c = Math.Clamp(v, min[i], max[i]);
            clamped |= c != work[i];
            work[i] = c;
        }

        return clamped;
    }
}
