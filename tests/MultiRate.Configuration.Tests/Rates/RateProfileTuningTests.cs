using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using Xunit;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileTuningTests
{
    [Fact]
    public void Parse_NoTuningSection_DefaultsToOnePercent()
    {
        RateProfile p = RateProfileLoader.Parse(ProfileYaml.Valid, ProfileYaml.File);

        Assert.Equal(0.01, p.Tuning.MissTolerance);
        Assert.Equal(TuningSpec.DefaultMissTolerance, p.Tuning.MissTolerance);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0.05", 0.05)]
    [InlineData("1", 1.0)]
    public void Parse_ToleranceInRange_IsRead(string value, double expected)
    {
        RateProfile p = RateProfileLoader.Parse(ProfileYaml.Valid + "\ntuning: { miss_tolerance: " + value + " }", ProfileYaml.File);

        Assert.Equal(expected, p.Tuning.MissTolerance);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.01")]
    public void Parse_ToleranceOutOfRange_ReportedWithLineAndKey(string value)
    {
        ValidationError e = ProfileYaml.Single(ProfileYaml.Valid + "\ntuning:\n  miss_tolerance: " + value);

        Assert.Equal(("tuning.miss_tolerance", 19), (e.KeyPath, e.Line));
        Assert.Equal($"miss_tolerance must be a fraction of ticks from 0 to 1 (e.g. 0.01 = 1%), got {value}", e.Message);
    }

    [Fact]
    public void Parse_ToleranceNotANumber_ReportedOnce()
    {
        ValidationError e = ProfileYaml.Single(ProfileYaml.Valid + "\ntuning: { miss_tolerance: lots }");

        Assert.Equal("tuning.miss_tolerance", e.KeyPath);
    }

    [Fact]
    public void Parse_UnknownKeyInTuning_SuggestsTheKnownOne()
    {
        ValidationError e = ProfileYaml.Single(ProfileYaml.Valid + "\ntuning: { miss_tolerence: 0.01 }");

        Assert.Contains("miss_tolerance", e.Message);
    }
}
