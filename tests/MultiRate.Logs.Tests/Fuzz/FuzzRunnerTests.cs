using CsCheck;
using MultiRate.Tests.Shared;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>The fuzz runner reads the same inputs on every run, so a red CI run is red again on the same case.</summary>
public sealed class FuzzRunnerTests
{
    [Fact]
    public void Run_TwiceWithTheSameSeedBase_GeneratesTheSameInputs()
    {
        Gen<byte[]> gen = Gen.Byte.Array[1, 64];
        List<string> first = Inputs(gen, 50);
        List<string> second = Inputs(gen, 50);

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 40, "the cases must differ from each other, not repeat one input");
    }

    private static List<string> Inputs(Gen<byte[]> gen, int iterations)
    {
        var seen = new List<string>(iterations);
        FuzzRunner.Run(gen, iterations, input => seen.Add(Convert.ToHexString(input)), _ => 1L << 20);
        return seen;
    }
}
