namespace MultiRate.Training.Simulation;

/// <summary>
/// The hidden, slowly varying torque d(t) on the attitude plant: four sinusoids at fixed
/// frequencies from 0.05 to 0.5 Hz (log-spaced) with seeded phases, plus a seeded random walk.
/// </summary>
/// <remarks>
/// Why these numbers: the sinusoids are smooth, so an estimate of d and its slope from a short
/// history predicts d a few hundred milliseconds ahead (what a head that knows the latent's age can
/// exploit); the fastest one moves d by about a third of its amplitude within 150 ms, which is what
/// makes a stale latent cost something. The random walk is not predictable by anyone and keeps d
/// from being a pure sum of sinusoids. Amplitudes make d dominate the command's variance.
/// Single-threaded; <see cref="Next"/> advances the random walk.
/// </remarks>
internal sealed class Disturbance
{
    /// <summary>Frequencies of the sinusoids, Hz.</summary>
    public static readonly double[] FrequenciesHz = [0.05, 0.05 * Math.Pow(10, 1 / 3.0), 0.05 * Math.Pow(10, 2 / 3.0), 0.5];

    /// <summary>Amplitude of each sinusoid (torque units, J = 1).</summary>
    public const double Amplitude = 10;

    /// <summary>Random-walk intensity, torque units per sqrt(second).</summary>
    public const double WalkPerSqrtSecond = 2;

    private readonly double[] _phases;
    private readonly Random _random;
    private double _walk;

    public Disturbance(Random random)
    {
        _random = random;
        _phases = [.. FrequenciesHz.Select(_ => random.NextDouble() * 2 * Math.PI)];
    }

    /// <summary>d at time <paramref name="t"/> seconds, then the random walk steps by <paramref name="dt"/>.</summary>
    public double Next(double t, double dt)
    {
        double d = _walk;
        for (int i = 0; i < FrequenciesHz.Length; i++)
        {
            d += Amplitude * Math.Sin((2 * Math.PI * FrequenciesHz[i] * t) + _phases[i]);
        }

        _walk += WalkPerSqrtSecond * Math.Sqrt(dt) * Gaussian();
        return d;
    }

    // Box-Muller: Random has no normal draw, and one pair per call keeps the sequence simple.
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
