using MultiRate.Bench.Profile;

namespace MultiRate.Bench.Tests.Profile;

public sealed class SampleRuleTests
{
    [Theory]
    [InlineData(99.9, 10_000L)]
    [InlineData(99, 1_000L)]
    [InlineData(50, 20L)]
    [InlineData(99.99, 100_000L)]
    public void Required_Quantile_IsTenSamplesBeyondIt(double quantile, long expected)
    {
        Assert.Equal(expected, SampleRule.Required(quantile));
    }

    [Fact]
    public void Required_Maximum_IsNeverSettled()
    {
        Assert.Null(SampleRule.Required(100));
        Assert.False(SampleRule.IsReliable(100, long.MaxValue));
        Assert.Contains("maximum of 5 samples", SampleRule.Note(100, 5));
    }

    [Theory]
    [InlineData(99.9, 9_999L, false)]
    [InlineData(99.9, 10_000L, true)]
    [InlineData(99, 999L, false)]
    [InlineData(99, 1_000L, true)]
    public void IsReliable_AtTheBoundary_SwitchesExactly(double quantile, long samples, bool expected)
    {
        Assert.Equal(expected, SampleRule.IsReliable(quantile, samples));
        Assert.Equal(expected, SampleRule.Note(quantile, samples) is null);
    }

    [Fact]
    public void Note_TooFewSamples_SaysHowManyAreNeeded()
    {
        string? note = SampleRule.Note(99.9, 5);

        Assert.NotNull(note);
        Assert.Contains("p99.9 from 5 samples is not reliable", note);
        Assert.Contains("10000", note);
    }

    [Fact]
    public void FractionAbove_Samples_CountsOnlyThoseStrictlyAbove()
    {
        ClockLatency latency = ClockLatency.FromSamples([5, 1, 3, 3, 10], "head");

        Assert.Equal(0.4, latency.FractionAbove(3));
        Assert.Equal(0.0, latency.FractionAbove(10));
        Assert.Equal(1.0, latency.FractionAbove(0.5));
        Assert.Null(new ClockLatency(5, 1, 2, 3, 4).FractionAbove(3));
    }
}
