using CsCheck;
using MultiRate.Inference.Kernels;
using Xunit;

namespace MultiRate.Inference.Tests.Kernels;

public sealed class FixedMathTests
{
    [Fact]
    public void Exp_AnyFloatInRange_IsWithinOneUlpOfTheDoubleResult()
    {
        Gen.Float[-103f, 88f].Sample(x =>
        {
            double exact = Math.Exp(x);
            float got = FixedMath.Exp(x);
            return Math.Abs(got - exact) <= UlpOf((float)exact);
        });
    }

    [Fact]
    public void Tanh_AnyFloat_IsOddBoundedAndWithinOneUlpOfTheDoubleResult()
    {
        Gen.Float[-20f, 20f].Sample(x =>
        {
            float got = FixedMath.Tanh(x);
            double exact = Math.Tanh(x);
            return FixedMath.Tanh(-x) == -got && Math.Abs(got) <= 1f && Math.Abs(got - exact) <= UlpOf((float)exact) + float.Epsilon;
        });
    }

    [Theory]
    [InlineData(float.NaN, float.NaN)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(89f, float.PositiveInfinity)]
    [InlineData(-110f, 0f)]
    [InlineData(0f, 1f)]
    public void Exp_EdgeValue_GivesTheLimit(float x, float expected) => Assert.Equal(expected, FixedMath.Exp(x));

    [Theory]
    [InlineData(float.NaN, float.NaN)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, -1f)]
    [InlineData(1e30f, 1f)]
    [InlineData(0f, 0f)]
    [InlineData(1e-30f, 1e-30f)]
    public void Tanh_EdgeValue_GivesTheLimit(float x, float expected) => Assert.Equal(expected, FixedMath.Tanh(x));

    [Theory]
    // The correctly rounded results (from an independent double exp); a CPU or runtime that computed
    // otherwise fails here, not in a replay hash.
    [InlineData(1f, 0x402DF854u)]
    [InlineData(-0.2f, 0x3F519857u)]
    [InlineData(10.5f, 0x470DDB81u)]
    public void Exp_PinnedInput_GivesPinnedBits(float x, uint bits) =>
        Assert.Equal(bits, BitConverter.SingleToUInt32Bits(FixedMath.Exp(x)));

    [Theory]
    [InlineData(0.5f, 0x3EEC9A9Fu)]
    [InlineData(-1.25f, 0xBF59291Eu)]
    [InlineData(3f, 0x3F7EBBE9u)]
    public void Tanh_PinnedInput_GivesPinnedBits(float x, uint bits) =>
        Assert.Equal(bits, BitConverter.SingleToUInt32Bits(FixedMath.Tanh(x)));

    private static double UlpOf(float v) => (double)MathF.BitIncrement(Math.Abs(v)) - Math.Abs(v);
}
