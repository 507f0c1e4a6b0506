using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using Xunit;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileLoaderTests
{
    [Fact]
    public void Parse_ValidProfile_MapsEveryField()
    {
        string yaml = ProfileYaml.With("history: 16 }", "history: 16, latency_us: 40000, cpu: 1, offset_ticks: 3 }")
            .Replace("- { from: context, to: head }", "- { from: context, to: head, mode: latest }", StringComparison.Ordinal)
            + "\n  max_rate_per_s: [5, 6]\n";
        yaml = yaml.Replace("age_limit_ms: 250", "age_limit_ms: 250.5\n  on_stale: safe_action", StringComparison.Ordinal);

        RateProfile p = RateProfileLoader.Parse(yaml, ProfileYaml.File);

        Assert.Equal("test", p.Name);
        Assert.Equal(ProfileYaml.File, p.SourcePath);
        Assert.Equal(1000, p.BaseTickHz);
        Assert.Equal(
            [new ModuleDefinition { Name = "context", Kind = ModuleKind.Context }, new ModuleDefinition { Name = "head", Kind = ModuleKind.ActionHead }],
            p.Modules);
        ClockDefinition context = p.Clock("context");
        Assert.Equal(
            new ClockDefinition
            {
                Name = "context", RateHz = 10, OffsetTicks = 3, BudgetUs = 60000, Overrun = OverrunPolicy.Skip,
                Module = "context", History = 16, LatencyUs = 40000, Cpu = 1,
            },
            context);
        ClockDefinition head = p.Clock("head");
        Assert.Equal(OverrunPolicy.Hold, head.Overrun);
        Assert.Null(head.LatencyUs);
        Assert.Null(head.Cpu);
        Assert.Equal(0, head.History);
        Assert.Equal(new HandoffDefinition { From = "context", To = "head", Mode = HandoffMode.Latest }, Assert.Single(p.Handoffs));
        Assert.Equal(250.5, p.Latent.AgeLimitMs);
        Assert.Equal(StalePolicy.SafeAction, p.Latent.OnStale);
        Assert.Equal(2, p.Action.Dimension);
        Assert.Equal([0.0, 0.0], p.Action.Safe);
        Assert.Equal([-1.0, -1.0], p.Action.Min);
        Assert.Equal([1.0, 1.0], p.Action.Max);
        Assert.Equal([5.0, 6.0], p.Action.MaxRatePerSecond!);
        Assert.Same(head, p.ActionClock);
    }

    [Fact]
    public void Parse_OptionalKeysAbsent_UsesDocumentedDefaults()
    {
        RateProfile p = RateProfileLoader.Parse(ProfileYaml.Valid, null);

        Assert.Null(p.SourcePath);
        Assert.Equal(OverrunPolicy.Skip, p.Clock("context").Overrun);
        Assert.Equal(0, p.Clock("context").OffsetTicks);
        Assert.Equal(HandoffMode.Deterministic, p.Handoffs[0].Mode);
        Assert.Equal(StalePolicy.Degraded, p.Latent.OnStale);
        Assert.Null(p.Action.MaxRatePerSecond);
    }

    [Fact]
    public void Parse_ClocksFastestFirstInFile_OrdersSlowestFirst()
    {
        string yaml = ProfileYaml.With(
            "  context: { rate_hz: 10, budget_us: 60000, module: context, history: 16 }\n  head: { rate_hz: 1000, budget_us: 500, overrun: hold, module: head }",
            "  head: { rate_hz: 1000, budget_us: 500, overrun: hold, module: head }\n  context: { rate_hz: 10, budget_us: 60000, module: context, history: 16 }");

        RateProfile p = RateProfileLoader.Parse(yaml, null);

        Assert.Equal(["context", "head"], p.Clocks.Select(c => c.Name));
    }

    [Fact]
    public void Parse_NoHandoffsSingleHeadClock_IsValid()
    {
        const string yaml = """
            name: solo
            base_tick_hz: 500
            modules: { head: { kind: action_head } }
            clocks: { head: { rate_hz: 500, budget_us: 1000, module: head } }
            latent: { age_limit_ms: 10 }
            action: { dimension: 1, safe: [0], min: [-1], max: [1] }
            """;

        RateProfile p = RateProfileLoader.Parse(yaml, null);

        Assert.Empty(p.Handoffs);
        Assert.Equal("head", p.ActionClock.Name);
    }

    [Fact]
    public void Load_MissingFile_ThrowsUserInputExceptionNamingPath()
    {
        string path = Path.Combine(Path.GetTempPath(), "multirate-no-such-profile-" + Guid.NewGuid() + ".yaml");

        var ex = Assert.Throws<UserInputException>(() => RateProfileLoader.Load(path));

        Assert.IsNotType<ValidationException>(ex);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_ThrowsUserInputException()
    {
        var ex = Assert.Throws<UserInputException>(() => RateProfileLoader.Load(Path.GetTempPath()));

        Assert.Contains("is a directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithErrors_NamesFileInEveryError()
    {
        string path = Path.Combine(Path.GetTempPath(), "multirate-bad-profile-" + Guid.NewGuid() + ".yaml");
        File.WriteAllText(path, ProfileYaml.With("budget_us: 500", "budget_us: 1000"));
        try
        {
            var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Load(path));

            ValidationError error = Assert.Single(ex.Errors);
            Assert.Equal(path, error.File);
            Assert.StartsWith($"{path}:8:", error.ToString(), StringComparison.Ordinal);
            Assert.Contains(path + ":8:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
