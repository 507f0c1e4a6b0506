using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using Xunit;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class ProfileValidatorTests
{
    private static RateProfile Valid() => RateProfileLoader.Parse(ProfileYaml.Valid, "rates/live.yaml");

    [Fact]
    public void Validate_LoadedProfile_NoErrors()
    {
        Assert.Empty(ProfileValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_CodeBuiltProfileWithMistakes_ReportsKeyPathsWithoutLines()
    {
        RateProfile p = Valid() with
        {
            Clocks = [.. Valid().Clocks.Select(c => c.Name == "head" ? c with { BudgetUs = 2000 } : c)],
            Action = Valid().Action with { Safe = [0, double.NaN] },
        };

        var errors = ProfileValidator.Validate(p);

        Assert.Equal(["clocks.head.budget_us", "action.safe[1]"], errors.Select(e => e.KeyPath));
        Assert.All(errors, e => Assert.Equal(("rates/live.yaml", 0, 0), (e.File, e.Line, e.Column)));
        Assert.Equal("safe[1] must be a finite number, got NaN", errors[1].Message);
    }

    [Fact]
    public void Validate_DuplicateNamesInCodeBuiltProfile_Reported()
    {
        RateProfile v = Valid();
        RateProfile p = v with { Clocks = [.. v.Clocks, v.Clocks[0]], Modules = [.. v.Modules, v.Modules[0]] };

        var errors = ProfileValidator.Validate(p);

        Assert.Contains(errors, e => e.KeyPath == "clocks.context" && e.Message == "duplicate clock name 'context'");
        Assert.Contains(errors, e => e.KeyPath == "modules.context" && e.Message == "duplicate module name 'context'");
    }

    [Fact]
    public void ValidateEdit_OnlyLiveTunables_NoErrors()
    {
        RateProfile current = Valid();
        RateProfile proposed = RateProfileLoader.Parse(
            ProfileYaml.Valid
                .Replace("budget_us: 500, overrun: hold", "budget_us: 400, overrun: safe_action", StringComparison.Ordinal)
                .Replace("age_limit_ms: 250", "age_limit_ms: 300\n  on_stale: safe_action", StringComparison.Ordinal)
                .Replace("max: [1, 1]", "max: [0.5, 1]\n  max_rate_per_s: [2, 2]", StringComparison.Ordinal),
            null);

        Assert.Empty(ProfileValidator.ValidateEdit(current, proposed));
    }

    [Fact]
    public void ValidateEdit_StructuralChanges_EachNeedsRestart()
    {
        RateProfile current = Valid();
        RateProfile proposed = current with
        {
            BaseTickHz = 2000,
            Clocks = [current.Clocks[0] with { RateHz = 20, BudgetUs = 40000, History = 8 }, current.Clocks[1] with { Name = "fast" }],
            Handoffs = [new HandoffDefinition { From = "context", To = "fast", Mode = HandoffMode.Latest }],
            Action = current.Action with { Dimension = 3, Safe = [0, 0, 0], Min = [-1, -1, -1], Max = [1, 1, 1] },
        };

        var errors = ProfileValidator.ValidateEdit(current, proposed);

        Assert.Equal(
            ["action.dimension", "base_tick_hz", "clocks", "clocks.context.history", "clocks.context.rate_hz", "clocks.fast", "handoffs"],
            errors.Select(e => e.KeyPath).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.EndsWith("while running (the schedule and tensor shapes are fixed at start); restart to apply it", e.Message, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("cannot change base_tick_hz from 1000 to 2000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("cannot remove clock 'head'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("cannot add clock 'fast'", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateEdit_InvalidProposal_ReportsRuleErrorsToo()
    {
        RateProfile current = Valid();
        RateProfile proposed = current with { Latent = current.Latent with { AgeLimitMs = -1 } };

        ValidationError e = Assert.Single(ProfileValidator.ValidateEdit(current, proposed));

        Assert.Equal("latent.age_limit_ms", e.KeyPath);
    }

    [Fact]
    public void ParseEdit_RateChange_ThrowsWithLineOfChangedKey()
    {
        string yaml = ProfileYaml.Valid.Replace("rate_hz: 10, budget_us: 60000", "rate_hz: 20, budget_us: 40000", StringComparison.Ordinal);

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.ParseEdit(yaml, "rates/edit.yaml", Valid()));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Equal(("rates/edit.yaml", 7, "clocks.context.rate_hz"), (e.File, e.Line, e.KeyPath));
        Assert.StartsWith("cannot change clocks.context.rate_hz from 10 to 20 while running", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseEdit_BudgetChange_ReturnsNewProfile()
    {
        string yaml = ProfileYaml.Valid.Replace("budget_us: 500", "budget_us: 450", StringComparison.Ordinal);

        RateProfile p = RateProfileLoader.ParseEdit(yaml, null, Valid());

        Assert.Equal(450, p.Clock("head").BudgetUs);
    }
}
