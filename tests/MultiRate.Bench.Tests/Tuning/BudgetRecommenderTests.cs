using MultiRate.Core.Rates;
using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Tests.Tuning;

public sealed class BudgetRecommenderTests
{
    private static readonly double[] OneToThousand = [.. Enumerable.Range(1, 1000).Select(i => (double)i)];

    private static ClockDefinition Clock(long rateHz = 1000, long budgetUs = 500, string name = "head") =>
        new() { Name = name, RateHz = rateHz, BudgetUs = budgetUs, Module = name };

    [Fact]
    public void Recommend_OneToThousandMicroseconds_GivesHandComputedNumbers()
    {
        // Nearest rank over 1..1000: p50 = 500th, p99 = 990th, p99.9 = 999th; 999 x 1.5 = 1498.5 -> 1499 -> 1500 (100 us grain);
        // the highest divisor of 1000 with d x 1500 < 1e6 is 500.
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(), OneToThousand.Reverse(), 99.9, 1.5, 1000);

        Assert.Equal(1000, r.Latency.Samples);
        Assert.Equal(500, r.Latency.P50Us);
        Assert.Equal(990, r.Latency.P99Us);
        Assert.Equal(999, r.Latency.P999Us);
        Assert.Equal(1000, r.Latency.MaxUs);
        Assert.Equal(999, r.QuantileUs);
        Assert.Equal(1500, r.RecommendedBudgetUs);
        Assert.Equal(500, r.MaxRateHz);
        Assert.Equal(BudgetVerdict.TooTight, r.Verdict);
        Assert.False(r.FitsCurrentRate);
        Assert.Equal(500, r.BudgetUs);
        Assert.Equal(1000, r.RateHz);
    }

    [Fact]
    public void Recommend_SmallHeadLatency_FitsTheKilohertzTickAndIsTooLoose()
    {
        // p99 of [10, 10, 10, 12, 40] is the 5th (ceil 4.95); 40 x 1.5 = 60; 1000 x 60 < 1e6 so 1 kHz fits.
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(), [10, 40, 10, 12, 10], 99, 1.5, 1000);

        Assert.Equal(40, r.QuantileUs);
        Assert.Equal(60, r.RecommendedBudgetUs);
        Assert.Equal(1000, r.MaxRateHz);
        Assert.True(r.FitsCurrentRate);
        Assert.Equal(BudgetVerdict.TooLoose, r.Verdict);
    }

    [Fact]
    public void Recommend_BudgetLongerThanThePeriod_DropsTheRateToADivisorOfTheBaseTick()
    {
        // 80 ms x 1.5 = 120 ms > the 100 ms period of 10 Hz; the highest divisor of 1000 with d x 120000 < 1e6 is 8.
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(10, 60_000, "context"), [80_000, 80_000], 99.9, 1.5, 1000);

        Assert.Equal(120_000, r.RecommendedBudgetUs);
        Assert.Equal(8, r.MaxRateHz);
        Assert.False(r.FitsCurrentRate);
        Assert.Equal(BudgetVerdict.TooTight, r.Verdict);
    }

    [Fact]
    public void Recommend_QuantileHundred_UsesTheMaximum()
    {
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(), OneToThousand, 100, 1, 1000);

        Assert.Equal(1000, r.QuantileUs);
        Assert.Equal(1000, r.RecommendedBudgetUs);
    }

    [Fact]
    public void Recommend_TinyQuantile_UsesTheSmallestSample()
    {
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(), OneToThousand, 0.001, 1, 1000);

        Assert.Equal(1, r.QuantileUs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void Recommend_QuantileOutOfRange_ThrowsNamingIt(double quantile)
    {
        var ex = Assert.Throws<TuningInputException>(() => BudgetRecommender.Recommend(Clock(), OneToThousand, quantile, 1.5, 1000));

        Assert.Contains("quantile", ex.Message);
        Assert.Contains("(0, 100]", ex.Message);
        Assert.Contains("clock 'head'", ex.Message);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(101)]
    public void Recommend_MarginOutOfRange_Throws(double margin)
    {
        var ex = Assert.Throws<TuningInputException>(() => BudgetRecommender.Recommend(Clock(), OneToThousand, 99.9, margin, 1000));

        Assert.Contains("margin", ex.Message);
    }

    [Fact]
    public void Recommend_NoSamples_ThrowsNamingTheClock()
    {
        var ex = Assert.Throws<TuningInputException>(() => BudgetRecommender.Recommend(Clock(name: "planner"), [], 99.9, 1.5, 1000));

        Assert.Contains("clock 'planner'", ex.Message);
        Assert.Contains("no latency samples", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    public void Recommend_InvalidSample_ThrowsWithItsIndex(double bad)
    {
        var ex = Assert.Throws<TuningInputException>(() => BudgetRecommender.Recommend(Clock(), [5, bad], 99.9, 1.5, 1000));

        Assert.Contains("sample 1", ex.Message);
    }

    [Theory]
    [InlineData(100, 200, BudgetVerdict.TooLoose)]
    [InlineData(100, 199, BudgetVerdict.Ok)]
    [InlineData(100, 100, BudgetVerdict.Ok)]
    [InlineData(100, 99, BudgetVerdict.TooTight)]
    public void Recommend_CurrentBudget_GetsTheVerdict(double sampleUs, long budgetUs, BudgetVerdict expected)
    {
        ClockRecommendation r = BudgetRecommender.Recommend(Clock(budgetUs: budgetUs), [sampleUs], 99.9, 1, 1000);

        Assert.Equal(100, r.RecommendedBudgetUs);
        Assert.Equal(expected, r.Verdict);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(47, 47)]
    [InlineData(100, 100)]
    [InlineData(101, 110)]
    [InlineData(999, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1100)]
    [InlineData(1247, 1300)]
    [InlineData(45678, 46000)]
    [InlineData(120_000, 120_000)]
    public void RoundUpToGrain_Value_RoundsUpToTwoSignificantDigits(long us, long expected) =>
        Assert.Equal(expected, BudgetRecommender.RoundUpToGrain(us));

    [Theory]
    [InlineData(100, 1.1, 110)] // exact in decimal; in double 100 x 1.1 = 110.00000000000001 would ceil to 111 -> 120
    [InlineData(0.2, 1.5, 1)]
    [InlineData(0, 1.5, 1)]
    [InlineData(66.6, 1.5, 100)] // 99.9 -> 100
    public void BudgetFor_QuantileAndMargin_IsTheCeilingRoundedUp(double quantileUs, double margin, long expected) =>
        Assert.Equal(expected, BudgetRecommender.BudgetFor(quantileUs, margin));

    [Theory]
    [InlineData(400, 1000, 1000)]
    [InlineData(999, 1000, 1000)]
    [InlineData(1000, 1000, 500)] // a 1000 us budget needs a period longer than 1000 us
    [InlineData(5000, 250, 125)]
    [InlineData(1_000_000, 1000, 0)]
    [InlineData(999_999, 1000, 1)]
    public void MaxRateHz_Budget_IsTheHighestDivisorWithALongerPeriod(long budgetUs, long baseTickHz, long expected) =>
        Assert.Equal(expected, BudgetRecommender.MaxRateHz(budgetUs, baseTickHz));
}
