using MultiRate.Core.Errors;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileTimingTests
{
    [Fact]
    public void Parse_BaseTickNotDividingTenMillion_NamesNearestValidRates()
    {
        string yaml = With("base_tick_hz: 1000", "base_tick_hz: 3000");

        ValidationError e = Single(yaml);

        Assert.Equal("base_tick_hz", e.KeyPath);
        AssertAt(e, yaml, "3000");
        Assert.Equal(
            "base_tick_hz 3000 must be a positive divisor of 10,000,000 so the base tick period is a whole number of 100 ns " +
            "(exact in nanoseconds and in Rx's DateTimeOffset ticks); nearest valid rates: 2500 Hz (below) and 3125 Hz (above)",
            e.Message);
    }

    [Theory]
    [InlineData("0", "nearest valid rates: 2 Hz (above)")]
    [InlineData("-5", "nearest valid rates: 2 Hz (above)")]
    [InlineData("20000000", "nearest valid rates: 10000000 Hz (below)")]
    public void Parse_BaseTickOutOfRange_Reported(string value, string nearest)
    {
        // Clock checks that need a valid base are skipped, so this is the only error.
        ValidationError e = Single(With("base_tick_hz: 1000", "base_tick_hz: " + value));

        Assert.Equal("base_tick_hz", e.KeyPath);
        Assert.EndsWith(nearest, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RateNotDividingBase_NamesNearestRatesBelowAndAbove()
    {
        string yaml = With("rate_hz: 1000,", "rate_hz: 300,");

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.head.rate_hz", e.KeyPath);
        AssertAt(e, yaml, "300");
        Assert.Equal("rate_hz 300 does not divide base_tick_hz 1000; nearest rates that do: 250 Hz (below) and 500 Hz (above)", e.Message);
    }

    [Fact]
    public void Parse_RateAboveBase_NamesOnlyRateBelow()
    {
        ValidationError e = Single(With("rate_hz: 1000", "rate_hz: 2000").Replace("budget_us: 500", "budget_us: 100", StringComparison.Ordinal));

        Assert.Equal("rate_hz 2000 does not divide base_tick_hz 1000; nearest rates that do: 1000 Hz (below)", e.Message);
    }

    [Fact]
    public void Parse_ZeroRate_SaysPositive()
    {
        ValidationError e = Single(With("rate_hz: 10,", "rate_hz: 0,"));

        Assert.Equal("clocks.context.rate_hz", e.KeyPath);
        Assert.Equal("rate_hz must be a positive whole number of Hz, got 0", e.Message);
    }

    [Theory]
    [InlineData("100", "offset_ticks 100 must be in [0, 100): clock 'context' has 100 base ticks per period (10 Hz on a 1000 Hz base tick)")]
    [InlineData("-1", "offset_ticks -1 must be in [0, 100): clock 'context' has 100 base ticks per period (10 Hz on a 1000 Hz base tick)")]
    public void Parse_OffsetOutsidePeriod_Reported(string offset, string message)
    {
        string yaml = With("history: 16 }", $"history: 16, offset_ticks: {offset} }}");

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.context.offset_ticks", e.KeyPath);
        AssertAt(e, yaml, offset + " }");
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_LargestOffset_IsValid()
    {
        var p = MultiRate.Configuration.Rates.RateProfileLoader.Parse(With("history: 16 }", "history: 16, offset_ticks: 99 }"), null);

        Assert.Equal(99, p.Clock("context").OffsetTicks);
    }

    [Theory]
    [InlineData("1000", "budget_us 1000 must be below the clock period of 1000 us (1000 Hz): the work must finish before the next tick")]
    [InlineData("5000", "budget_us 5000 must be below the clock period of 1000 us (1000 Hz): the work must finish before the next tick")]
    [InlineData("0", "budget_us must be positive (compute time allowed per tick), got 0; the period is 1000 us")]
    public void Parse_BudgetNotBelowPeriod_SaysPeriodInMicroseconds(string budget, string message)
    {
        string yaml = With("budget_us: 500", "budget_us: " + budget);

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.head.budget_us", e.KeyPath);
        Assert.Equal(8, e.Line);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_BudgetOnFractionalMicrosecondPeriod_ShowsExactPeriod()
    {
        // 400 kHz divides 10,000,000 and has a 2.5 us period: the 100 ns digit must survive.
        string yaml = With("base_tick_hz: 1000", "base_tick_hz: 400000")
            .Replace("rate_hz: 1000, budget_us: 500", "rate_hz: 400000, budget_us: 3", StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        Assert.Equal("budget_us 3 must be below the clock period of 2.5 us (400000 Hz): the work must finish before the next tick", e.Message);
    }

    [Theory]
    [InlineData("100000", "latency_us 100000 must be in [0, 100000 us): a result must be ready before the clock's next tick")]
    [InlineData("-1", "latency_us -1 must be in [0, 100000 us): a result must be ready before the clock's next tick")]
    public void Parse_LatencyOutsidePeriod_Reported(string latency, string message)
    {
        ValidationError e = Single(With("history: 16 }", $"history: 16, latency_us: {latency} }}"));

        Assert.Equal("clocks.context.latency_us", e.KeyPath);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_NegativeHistoryAndCpu_BothReported()
    {
        var errors = Errors(With("history: 16 }", "history: -2, cpu: -1 }"));

        Assert.Equal(
            [("clocks.context.history", "history must be >= 0 (observations in the module's history window), got -2"),
             ("clocks.context.cpu", "cpu must be a CPU index >= 0, got -1")],
            errors.Select(e => (e.KeyPath, e.Message)));
    }
}
