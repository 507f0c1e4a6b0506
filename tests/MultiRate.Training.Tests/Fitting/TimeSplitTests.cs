using MultiRate.Training.Fitting;

namespace MultiRate.Training.Tests.Fitting;

public class TimeSplitTests
{
    private static readonly long[] Times = [.. Enumerable.Range(0, 1000).Select(i => i * 10_000_000L)]; // 10 s at 100 Hz

    [Fact]
    public void ByTime_LastFifthWithGap_TrainStrictlyBeforeValidationInTimeOrder()
    {
        var split = TimeSplit.ByTime(10_000_000_000, 0.2, gapNs: 250_000_000);
        int[] train = split.TrainIndices(Times);
        int[] val = split.ValidationIndices(Times);

        Assert.Equal(8_000_000_000, split.ValidationStartNs);
        Assert.Equal(Enumerable.Range(0, 775), train);
        Assert.Equal(Enumerable.Range(800, 200), val);
        Assert.True(Times[train[^1]] + 250_000_000 <= Times[val[0]]);
    }

    [Fact]
    public void ValidationBlockInside_TrainOnBothSidesWithTheGapEachSide()
    {
        var split = new TimeSplit(3_000_000_000, 5_000_000_000, 200_000_000);

        int[] train = split.TrainIndices(Times);
        int[] val = split.ValidationIndices(Times);

        Assert.Equal(Enumerable.Range(300, 200), val);
        Assert.Equal(Enumerable.Range(0, 280).Concat(Enumerable.Range(520, 480)), train);
        Assert.Empty(train.Intersect(val));
    }

    [Fact]
    public void ByTime_UnsortedTimes_SplitsByTimeNotByPosition()
    {
        long[] times = [900, 100, 850, 200, 950];

        var split = TimeSplit.ByTime(1000, 0.2, gapNs: 0);

        Assert.Equal([1, 3], split.TrainIndices(times));
        Assert.Equal([0, 2, 4], split.ValidationIndices(times));
    }
}
