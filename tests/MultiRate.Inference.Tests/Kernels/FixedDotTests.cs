using CsCheck;
using MultiRate.Inference.Kernels;
using Xunit;

namespace MultiRate.Inference.Tests.Kernels;

public sealed class FixedDotTests
{
    [Fact]
    public void Dot_AnyLength_EqualsTheDocumentedLaneOrderBitForBit()
    {
        Gen.Float[-100f, 100f].Array[0, 70].SelectMany(a => Gen.Float[-100f, 100f].Array[a.Length].Select(b => (a, b))).Sample(p =>
        {
            float got = FixedDot.Dot(p.a, p.b);
            return BitConverter.SingleToUInt32Bits(got) == BitConverter.SingleToUInt32Bits(LaneOrder(p.a, p.b));
        });
    }

    [Fact]
    public void Dot_AnyLength_IsCloseToTheDoubleSum()
    {
        Gen.Float[-1f, 1f].Array[1, 300].SelectMany(a => Gen.Float[-1f, 1f].Array[a.Length].Select(b => (a, b))).Sample(p =>
        {
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < p.a.Length; i++)
            {
                exact += (double)p.a[i] * p.b[i];
                magnitude += Math.Abs((double)p.a[i] * p.b[i]);
            }

            return Math.Abs(FixedDot.Dot(p.a, p.b) - exact) <= 1e-6 * (magnitude + 1e-30) * p.a.Length;
        });
    }

    [Fact]
    public void MatVec_TwoRows_AddsBiasAfterEachRowsDot()
    {
        float[] w = [1, 2, 3, 4, 5, 6];
        float[] y = new float[2];
        FixedDot.MatVec(w, [0.5f, -1f], [1, 1, 2], y);
        Assert.Equal([9.5f, 20f], y);
    }

    [Fact]
    public void MatVec_AnyShape_EqualsBiasPlusDotPerRowBitForBit()
    {
        Gen.Select(Gen.Int[1, 11], Gen.Int[0, 40]).SelectMany(s => Gen.Float[-10f, 10f].Array[s.Item1 * s.Item2].Select(w => (rows: s.Item1, w, x: Enumerable.Range(0, s.Item2).Select(i => MathF.Sin(i) * 3f).ToArray()))).Sample(p =>
        {
            int n = p.x.Length;
            float[] bias = Enumerable.Range(0, p.rows).Select(i => i * 0.25f).ToArray();
            float[] y = new float[p.rows];
            FixedDot.MatVec(p.w, bias, p.x, y);
            return Enumerable.Range(0, p.rows).All(o => BitConverter.SingleToUInt32Bits(y[o]) == BitConverter.SingleToUInt32Bits(bias[o] + FixedDot.Dot(p.x, p.w.AsSpan(o * n, n))));
        });
    }

    [Fact]
    public void MatVec_WeightsTooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => FixedDot.MatVec(new float[5], new float[2], new float[3], new float[2]));

    /// <summary>The order FixedDot documents, written out with scalars.</summary>
    private static float LaneOrder(float[] a, float[] b)
    {
        float[] lanes = new float[8];
        for (int i = 0; i < a.Length; i++)
        {
            lanes[i % 8] += a[i] * b[i];
        }

        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}
