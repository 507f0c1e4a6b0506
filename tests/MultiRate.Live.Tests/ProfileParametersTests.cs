using System.Text.Json;
using MultiRate.Core.Rates;
using MultiRate.Live.Parameters;

namespace MultiRate.Live.Tests;

public class ProfileParametersTests
{
    private RateProfile _current = LiveTestProfile.Default;
    private readonly List<RateProfile> _applied = [];

    [Fact]
    public void Names_DefaultProfile_BudgetAndOverrunPerClockThenLatent()
    {
        var p = new ProfileParameters(LiveTestProfile.Default);

        Assert.Equal(
            ["clocks.planner.budget_ms", "clocks.planner.overrun", "clocks.context.budget_ms", "clocks.context.overrun", "clocks.head.budget_ms", "clocks.head.overrun", "latent.age_limit_ms", "latent.on_stale"],
            p.Names);
    }

    [Fact]
    public void Get_NoNames_EveryValueInProfileUnits()
    {
        var p = new ProfileParameters(LiveTestProfile.Default);

        var values = p.Get([]).ToDictionary(v => v.Key, v => v.Value);

        Assert.Equal(0.5, values["clocks.head.budget_ms"]);
        Assert.Equal("hold", values["clocks.head.overrun"]);
        Assert.Equal(60.0, values["clocks.context.budget_ms"]);
        Assert.Equal(250.0, values["latent.age_limit_ms"]);
        Assert.Equal("degraded", values["latent.on_stale"]);
    }

    [Fact]
    public void Get_UnknownName_LeftOut()
    {
        var p = new ProfileParameters(LiveTestProfile.Default);

        Assert.Equal(["clocks.head.budget_ms"], p.Get(["nope", "clocks.head.budget_ms"]).Select(v => v.Key));
    }

    [Fact]
    public void Set_ValidBudget_AppliedThroughReloadAndReported()
    {
        ProfileParameters p = Attached();

        ParameterEdit edit = p.Set([Edit("clocks.context.budget_ms", "70")]);

        Assert.False(edit.Refused);
        Assert.Equal(["clocks.context.budget_ms"], edit.Changed);
        RateProfile applied = Assert.Single(_applied);
        Assert.Equal(70_000, applied.Clock("context").BudgetUs);
        Assert.Equal(500, applied.Clock("head").BudgetUs);
        Assert.Equal(70.0, p.Get(["clocks.context.budget_ms"])[0].Value);
    }

    [Fact]
    public void Set_TwoEditsBeforeTheFirstIsInEffect_SecondKeepsTheFirst()
    {
        ProfileParameters p = Attached();

        p.Set([Edit("clocks.context.budget_ms", "70")]);
        p.Set([Edit("clocks.head.overrun", "\"safe_action\"")]);

        Assert.Equal(2, _applied.Count);
        Assert.Equal(70_000, _applied[1].Clock("context").BudgetUs);
        Assert.Equal(OverrunPolicy.SafeAction, _applied[1].Clock("head").Overrun);
    }

    [Fact]
    public void Set_BudgetAboveThePeriod_RefusedByTheProfileValidatorAndNothingApplied()
    {
        ProfileParameters p = Attached();

        ParameterEdit edit = p.Set([Edit("clocks.head.budget_ms", "2")]);

        Assert.True(edit.Refused);
        Assert.Contains("clocks.head.budget_ms = 2", edit.Error, StringComparison.Ordinal);
        Assert.Contains("clocks.head.budget_us: budget_us 2000 must be below the clock period", edit.Error, StringComparison.Ordinal);
        Assert.Empty(_applied);
        Assert.Equal(0.5, p.Get(["clocks.head.budget_ms"])[0].Value);
    }

    [Theory]
    [InlineData("clocks.head.budget_ms", "\"fast\"", "clocks.head.budget_ms: must be a number")]
    [InlineData("clocks.head.budget_ms", "0.0005", "must be a whole number of microseconds")]
    [InlineData("clocks.head.overrun", "\"later\"", "clocks.head.overrun: must be one of skip, hold, safe_action")]
    [InlineData("latent.on_stale", "1", "latent.on_stale: must be one of degraded, safe_action")]
    [InlineData("clocks.arm.budget_ms", "1", "clocks.arm.budget_ms: no such parameter")]
    public void Set_BadValue_RefusedNamingTheKey(string name, string json, string why)
    {
        ProfileParameters p = Attached();

        ParameterEdit edit = p.Set([Edit(name, json)]);

        Assert.True(edit.Refused);
        Assert.Contains(why, edit.Error, StringComparison.Ordinal);
        Assert.Empty(_applied);
    }

    [Fact]
    public void Set_OneBadOfTwo_NeitherApplied()
    {
        ProfileParameters p = Attached();

        ParameterEdit edit = p.Set([Edit("clocks.context.budget_ms", "70"), Edit("clocks.head.budget_ms", "0")]);

        Assert.True(edit.Refused);
        Assert.Contains("clocks.head.budget_us: budget_us must be positive", edit.Error, StringComparison.Ordinal);
        Assert.Empty(_applied);
    }

    [Fact]
    public void Set_BeforeTheRunStarts_Refused()
    {
        var p = new ProfileParameters(LiveTestProfile.Default);

        ParameterEdit edit = p.Set([Edit("clocks.context.budget_ms", "70")]);

        Assert.True(edit.Refused);
        Assert.Contains("once a real-time run's clocks have started", edit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_SameValue_AppliedNothingChanged()
    {
        ProfileParameters p = Attached();

        ParameterEdit edit = p.Set([Edit("clocks.head.budget_ms", "0.5")]);

        Assert.False(edit.Refused);
        Assert.Empty(edit.Changed);
        Assert.Empty(_applied);
    }

    internal static KeyValuePair<string, JsonElement> Edit(string name, string json) => new(name, JsonDocument.Parse(json).RootElement.Clone());

    private ProfileParameters Attached()
    {
        var p = new ProfileParameters(LiveTestProfile.Default);
        // The executor's reload takes effect at a later tick: the current profile stays until then.
        p.Attach(() => _current, updated => _applied.Add(updated));
        return p;
    }
}
