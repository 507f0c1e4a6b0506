using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileOnStopTests
{
    // safe [0, 0] in [-1, 1]: the farthest action is 1 away per dimension; at 10/s and 4/s that takes 100 and 250 ms.
    private static string WithOnStop(string onStop) =>
        With("max: [1, 1]", "max: [1, 1]\n  max_rate_per_s: [10, 4]\n  on_stop: " + onStop);

    [Fact]
    public void Parse_OnStopMaxMs_ReadIntoTheActionSpec()
    {
        RateProfile p = RateProfileLoader.Parse(WithOnStop("{ max_ms: 300 }"), ProfileYaml.File);

        Assert.Equal(300, p.Action.OnStopMaxMs);
        Assert.Equal(250, p.Action.WorstCaseStopMs(), 9);
    }

    [Fact]
    public void Parse_NoOnStop_BoundIsTheWorstCase()
    {
        RateProfile p = RateProfileLoader.Parse(With("max: [1, 1]", "max: [1, 1]\n  max_rate_per_s: [10, 4]"), ProfileYaml.File);

        Assert.Null(p.Action.OnStopMaxMs);
    }

    [Fact]
    public void Parse_BoundExactlyTheWorstCase_Valid()
    {
        RateProfile p = RateProfileLoader.Parse(WithOnStop("{ max_ms: 250 }"), ProfileYaml.File);

        Assert.Equal(250, p.Action.OnStopMaxMs);
    }

    [Fact]
    public void Parse_BoundTheRateLimitsCannotMeet_RefusedWithWhatTheyNeed()
    {
        string yaml = WithOnStop("{ max_ms: 200 }");

        ValidationError e = Single(yaml);

        Assert.Equal("action.on_stop.max_ms", e.KeyPath);
        AssertAt(e, yaml, "200 }");
        Assert.Equal(
            "on_stop.max_ms = 200 is too short: from the farthest action in [min, max], max_rate_per_s needs 250 ms to reach the safe action; raise max_ms to at least 250 or the rate limits",
            e.Message);
    }

    [Fact]
    public void Parse_SafeOffCentre_WorstCaseIsTheFartherLimit()
    {
        // safe 0.5 in [-1, 1]: the farthest action is -1, 1.5 away; at 10/s that is 150 ms.
        string yaml = With("safe: [0, 0]", "safe: [0.5, 0]").Replace("max: [1, 1]", "max: [1, 1]\n  max_rate_per_s: [10, 40]\n  on_stop: { max_ms: 100 }", StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        Assert.Contains("needs 150 ms", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Parse_BoundNotPositive_Refused(string value)
    {
        ValidationError e = Single(WithOnStop("{ max_ms: " + value + " }"));

        Assert.Equal("action.on_stop.max_ms", e.KeyPath);
        Assert.Equal($"on_stop.max_ms must be greater than 0 (the longest a stop may take to reach the safe action, ms), got {value}", e.Message);
    }

    [Fact]
    public void Parse_UnknownKeyInOnStop_NamesIt()
    {
        var errors = Errors(WithOnStop("{ max_s: 1 }"));

        Assert.Contains(errors, e => e.KeyPath.StartsWith("action.on_stop", StringComparison.Ordinal) && e.Message.Contains("max_s", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoRateLimits_AnyPositiveBoundValid()
    {
        RateProfile p = RateProfileLoader.Parse(With("max: [1, 1]", "max: [1, 1]\n  on_stop: { max_ms: 1 }"), ProfileYaml.File);

        Assert.Equal(1, p.Action.OnStopMaxMs);
        Assert.Equal(0, p.Action.WorstCaseStopMs());
    }
}
