using TorchSharp;

namespace MultiRate.Inference.Kernels;

/// <summary>
/// Seeded parameter initialisation that gives the same bits on every x86-64 CPU: PyTorch's default
/// distributions, drawn from a SplitMix64 stream in C#.
/// </summary>
/// <remarks>
/// libtorch's own init is not CPU-independent: uniform_ and normal_ are compiled once per
/// instruction set (ATen's CPU capability), and the AVX2/AVX512 builds contract a*b+c into an FMA
/// or use a vectorised Box-Muller, so the seeded weights differed in the last bit between the
/// default and the AVX2/AVX512 code paths. Here the stream's seed is drawn from torch's (seeded)
/// generator with an integer draw (exact on every path), so torch.manual_seed still decides
/// everything; every value is then a fixed sequence of integer and IEEE double operations.
/// Not thread-safe (the caller holds the seed lock).
/// </remarks>
internal sealed class FixedInit
{
    private ulong _state;
    private double? _spareNormal;

    private FixedInit(ulong seed) => _state = seed;

    /// <summary>A stream seeded from torch's default generator (advances it by one draw).</summary>
    public static FixedInit FromTorchGenerator()
    {
        using torch.Tensor draw = torch.randint(0, long.MaxValue, new long[] { 1 }, torch.int64);
        return new FixedInit((ulong)draw.item<long>());
    }

    /// <summary>A stream seeded directly, for parameters drawn without TorchSharp (see <c>HeadParameters.Seeded</c>).</summary>
    public static FixedInit FromSeed(ulong seed) => new(seed);

    /// <summary>
    /// PyTorch's Linear default drawn into arrays: weight [rows = outputs, cols = inputs] row-major,
    /// then bias, each U(+-1/sqrt(inputs)); the same values, in the same order, as <see cref="Linear"/>.
    /// </summary>
    public (float[] Weight, float[] Bias) LinearValues(int inputs, int outputs)
    {
        double bound = 1.0 / Math.Sqrt(inputs);
        float[] weight = new float[checked(inputs * outputs)];
        float[] bias = new float[outputs];
        for (int i = 0; i < weight.Length; i++)
        {
            weight[i] = (float)(((2.0 * NextUnit()) - 1.0) * bound);
        }

        for (int i = 0; i < bias.Length; i++)
        {
            bias[i] = (float)(((2.0 * NextUnit()) - 1.0) * bound);
        }

        return (weight, bias);
    }

    /// <summary>U(-bound, bound) drawn into an array: the same values, in the same order, as <see cref="Uniform"/> on a tensor of <paramref name="count"/> elements.</summary>
    public float[] UniformValues(int count, double bound) => Draw(count, () => ((2.0 * NextUnit()) - 1.0) * bound);

    /// <summary>N(0, std^2) drawn into an array: the same values, in the same order, as <see cref="Normal"/> on a tensor of <paramref name="count"/> elements.</summary>
    public float[] NormalValues(int count, double std) => Draw(count, () => std * NextNormal());

    /// <summary>Fills with U(-bound, bound).</summary>
    public void Uniform(torch.Tensor t, double bound) => Fill(t, () => ((2.0 * NextUnit()) - 1.0) * bound);

    /// <summary>Fills with N(0, std^2) (Marsaglia's polar method).</summary>
    public void Normal(torch.Tensor t, double std) => Fill(t, () => std * NextNormal());

    /// <summary>PyTorch's Linear default: weight and bias U(+-1/sqrt(fan_in)).</summary>
    public void Linear(TorchSharp.Modules.Linear linear)
    {
        double bound = 1.0 / Math.Sqrt(linear.weight!.shape[1]);
        Uniform(linear.weight, bound);
        if (linear.bias is not null)
        {
            Uniform(linear.bias, bound);
        }
    }

    private static float[] Draw(long count, Func<double> next)
    {
        float[] values = new float[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)next();
        }

        return values;
    }

    private static void Fill(torch.Tensor t, Func<double> next)
    {
        float[] values = Draw(t.numel(), next);

        using var noGrad = torch.no_grad();
        using torch.Tensor source = torch.tensor(values).reshape(t.shape);
        t.copy_(source);
    }

    private ulong Next()
    {
        // SplitMix64 (Steele, Lea, Flood 2014).
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>[0, 1) with 53 random bits (exact).</summary>
    private double NextUnit() => (Next() >> 11) * (1.0 / 9007199254740992.0);

    private double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextUnit()) - 1.0;
            v = (2.0 * NextUnit()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * FixedMath.LogDouble(s) / s);
        _spareNormal = v * f;
        return u * f;
    }
}
