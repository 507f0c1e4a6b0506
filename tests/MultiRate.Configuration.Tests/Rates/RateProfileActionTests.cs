using MultiRate.Core.Errors;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileActionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Parse_AgeLimitNotPositive_Reported(string value)
    {
        string yaml = With("age_limit_ms: 250", "age_limit_ms: " + value);

        ValidationError e = Single(yaml);

        Assert.Equal(("latent.age_limit_ms", 12, 17), (e.KeyPath, e.Line, e.Column));
        Assert.Equal($"age_limit_ms must be greater than 0 (the latent age in ms past which on_stale applies), got {value}", e.Message);
    }

    [Fact]
    public void Parse_ZeroDimension_SaysAtLeastOne()
    {
        ValidationError e = Single(With("dimension: 2", "dimension: 0"));

        Assert.Equal(("action.dimension", 14), (e.KeyPath, e.Line));
        Assert.Equal("dimension must be >= 1 (the length of the action vector), got 0", e.Message);
    }

    [Fact]
    public void Parse_ListLengthsDifferFromDimension_ReportsEachList()
    {
        string yaml = With("dimension: 2", "dimension: 3") + "\n  max_rate_per_s: [1]";

        var errors = Errors(yaml);

        Assert.Equal(
            [
                ("action.safe", 15, "safe has 2 values but dimension is 3; give exactly 3 values"),
                ("action.min", 16, "min has 2 values but dimension is 3; give exactly 3 values"),
                ("action.max", 17, "max has 2 values but dimension is 3; give exactly 3 values"),
                ("action.max_rate_per_s", 18, "max_rate_per_s has 1 values but dimension is 3; give exactly 3 values"),
            ],
            errors.Select(e => (e.KeyPath, e.Line, e.Message)));
    }

    [Fact]
    public void Parse_MinAboveMax_PointsAtMinItem()
    {
        string yaml = With("min: [-1, -1]", "min: [-1, 2]");

        ValidationError e = Single(yaml);

        Assert.Equal("action.min[1]", e.KeyPath);
        AssertAt(e, yaml, "2]");
        Assert.Equal("min[1] = 2 is above max[1] = 1; need min <= safe <= max", e.Message);
    }

    [Theory]
    [InlineData("safe: [0, 1.5]", "action.safe[1]", "safe[1] = 1.5 is outside [min, max] = [-1, 1]; the safe action must respect the limits")]
    [InlineData("safe: [-2, 0]", "action.safe[0]", "safe[0] = -2 is outside [min, max] = [-1, 1]; the safe action must respect the limits")]
    public void Parse_SafeOutsideLimits_Reported(string safe, string path, string message)
    {
        ValidationError e = Single(With("safe: [0, 0]", safe));

        Assert.Equal((path, 15), (e.KeyPath, e.Line));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_SafeOnTheLimits_IsValid()
    {
        var p = MultiRate.Configuration.Rates.RateProfileLoader.Parse(With("safe: [0, 0]", "safe: [-1, 1]"), null);

        Assert.Equal([-1.0, 1.0], p.Action.Safe);
    }

    [Fact]
    public void Parse_NonPositiveRateLimit_Reported()
    {
        string yaml = Valid + "\n  max_rate_per_s: [1, 0]";

        ValidationError e = Single(yaml);

        Assert.Equal(("action.max_rate_per_s[1]", 18), (e.KeyPath, e.Line));
        Assert.Equal("max_rate_per_s[1] must be > 0 (units per second), got 0", e.Message);
    }
}
