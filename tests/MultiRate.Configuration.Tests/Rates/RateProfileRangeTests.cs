using System.Globalization;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

/// <summary>Values that parse as doubles but cannot reach the robot as float32, and limits the machine cannot meet.</summary>
public sealed class RateProfileRangeTests
{
    [Theory]
    [InlineData("safe: [0, 0]", "safe: [1e39, 0]", "action.safe[0]")]
    [InlineData("min: [-1, -1]", "min: [-1, -1e39]", "action.min[1]")]
    [InlineData("max: [1, 1]", "max: [1e39, 1]", "action.max[0]")]
    [InlineData("max: [1, 1]", "max: [1, 1]\n  max_rate_per_s: [5e38, 1]", "action.max_rate_per_s[0]")]
    [InlineData("safe: [0, 0]", "safe: [-3.5e38, 0]", "action.safe[0]")]
    public void Parse_ValueOutsideFloat32_RefusedNamingKeyAndLine(string find, string replace, string key)
    {
        string yaml = With(find, replace);

        var errors = Errors(yaml);

        ValidationError e = Assert.Single(errors, x => x.KeyPath == key);
        Assert.Contains("outside the float32 range", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
        Assert.Equal(ProfileYaml.File, e.File);
    }

    [Fact]
    public void Parse_AllLimitsBeyondFloat32AsInTheField_RefusesEach()
    {
        string yaml = With("safe: [0, 0]", "safe: [1e39, 0]").Replace("min: [-1, -1]", "min: [-1e39, -1]", StringComparison.Ordinal)
            .Replace("max: [1, 1]", "max: [1e39, 1]", StringComparison.Ordinal);

        var errors = Errors(yaml);

        Assert.Equal(["action.safe[0]", "action.min[0]", "action.max[0]"], errors.Select(e => e.KeyPath));
    }

    [Fact]
    public void Parse_LargestFloat32_Accepted()
    {
        string max = float.MaxValue.ToString("R", CultureInfo.InvariantCulture);
        string yaml = With("max: [1, 1]", $"max: [{max}, 1]");

        var profile = RateProfileLoader.Parse(yaml, ProfileYaml.File);

        Assert.Equal(float.MaxValue, (float)profile.Action.Max[0]);
    }

    [Fact]
    public void Validate_CodeBuiltProfileWithInfiniteRate_Refused()
    {
        var valid = RateProfileLoader.Parse(Valid, ProfileYaml.File);
        var broken = valid with { Action = valid.Action with { MaxRatePerSecond = [double.PositiveInfinity, 1] } };

        var errors = ProfileValidator.Validate(broken);

        Assert.Contains(errors, e => e.KeyPath == "action.max_rate_per_s[0]" && e.Message.Contains("finite", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseEdit_EditToFloat32Overflow_Refused()
    {
        var current = RateProfileLoader.Parse(Valid, ProfileYaml.File);

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.ParseEdit(With("safe: [0, 0]", "safe: [1e39, 0]"), ProfileYaml.File, current));

        Assert.Contains(ex.Errors, e => e.KeyPath == "action.safe[0]");
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("65537")]
    public void Parse_HistoryBeyondLimit_Refused(string rows)
    {
        ValidationError e = Single(With("history: 16", "history: " + rows));

        Assert.Equal("clocks.context.history", e.KeyPath);
        Assert.Equal($"history must be in 0..65536 (observation rows kept for the module), got {rows}", e.Message);
    }

    [Theory]
    [InlineData("10000000")]
    [InlineData("2000000")]
    public void Parse_BaseTickFasterThanAWakeUp_RefusedWithReason(string hz)
    {
        var errors = Errors(With("base_tick_hz: 1000", "base_tick_hz: " + hz));

        ValidationError e = Assert.Single(errors, x => x.KeyPath == "base_tick_hz");
        Assert.Contains("the executor runs once per base tick", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }
}
