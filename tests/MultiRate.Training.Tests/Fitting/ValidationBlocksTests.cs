using MultiRate.Core.Errors;
using MultiRate.Training.Data;
using MultiRate.Training.Fitting;

namespace MultiRate.Training.Tests.Fitting;

public class ValidationBlocksTests
{
    private const long Tick = 10_000_000; // 100 Hz
    private static readonly string[] Names = ["/a.moves", "/b.burst"];

    /// <summary>10 s at 100 Hz; target 0 = sin(2 pi t) throughout, target 1 = <paramref name="second"/>(t).</summary>
    private static SampleSet Samples(Func<double, double> second)
    {
        const int n = 1000;
        float[] targets = new float[n * 2];
        for (int i = 0; i < n; i++)
        {
            double t = i * Tick / 1e9;
            targets[2 * i] = (float)Math.Sin(2 * Math.PI * t);
            targets[(2 * i) + 1] = (float)second(t);
        }

        return SampleSet.FromArrays(new float[n], 1, new float[n], 1, targets, 2, [.. Enumerable.Range(0, n).Select(i => i * Tick)]);
    }

    // Target 1 moves (four whole periods) only in [3 s, 5 s) and holds 0 elsewhere.
    private static double Burst(double t) => t is >= 3 and < 5 ? Math.Sin(2 * Math.PI * 2 * (t - 3)) : 0;

    [Fact]
    public void Choose_OneTargetMovingOnlyInOneStretch_PicksTheBlockOverThatStretch()
    {
        TimeSplit split = ValidationBlocks.Choose(Samples(Burst), 10_000_000_000, 0.2, 250_000_000, 100_000_000);

        Assert.Equal(new TimeSplit(3_000_000_000, 5_000_000_000, 250_000_000), split);
    }

    [Fact]
    public void Choose_NoTargetMovesOverTheLog_KeepsTheLastBlock()
    {
        float[] still = [.. Enumerable.Repeat(0.5f, 2000)];
        SampleSet samples = SampleSet.FromArrays(new float[1000], 1, new float[1000], 1, still, 2, [.. Enumerable.Range(0, 1000).Select(i => i * Tick)]);

        TimeSplit split = ValidationBlocks.Choose(samples, 10_000_000_000, 0.2, 250_000_000, 100_000_000);

        Assert.Equal(TimeSplit.ByTime(10_000_000_000, 0.2, 250_000_000), split);
    }

    [Fact]
    public void CheckTargetsMove_TargetStillInTheBlock_RefusesNamingTheTargetAndTheBlock()
    {
        var ex = Assert.Throws<UserInputException>(() =>
            ValidationBlocks.CheckTargetsMove(Samples(Burst), TimeSplit.ByTime(10_000_000_000, 0.2, 250_000_000), 10_000_000_000, Names, "c.yaml"));

        Assert.StartsWith("c.yaml: targets[1]: '/b.burst' hardly moves in the validation block 8.000 to 10.000 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--val-auto", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTargetsMove_BlockWhereEveryTargetMoves_Passes()
    {
        ValidationBlocks.CheckTargetsMove(Samples(Burst), new TimeSplit(3_000_000_000, 5_000_000_000, 250_000_000), 10_000_000_000, Names, "c.yaml");
    }

    [Fact]
    public void CheckTargetsMove_TargetConstantOverTheWholeLog_IsLeftOut()
    {
        // Its R^2 is undefined (null) everywhere, so no block can do better: not a reason to refuse.
        ValidationBlocks.CheckTargetsMove(Samples(_ => 0.25), TimeSplit.ByTime(10_000_000_000, 0.2, 250_000_000), 10_000_000_000, Names, "c.yaml");
    }

    [Fact]
    public void CheckTargetsMove_TargetAtTwelvePercentOfItsUsualMotion_Passes()
    {
        // Standard deviation 0.12 of the log's in the last block: above the 10% threshold.
        ValidationBlocks.CheckTargetsMove(Samples(t => (t >= 8 ? 0.12 : 1) * Math.Sin(2 * Math.PI * t)), TimeSplit.ByTime(10_000_000_000, 0.2, 250_000_000), 10_000_000_000, Names, "c.yaml");
    }
}
