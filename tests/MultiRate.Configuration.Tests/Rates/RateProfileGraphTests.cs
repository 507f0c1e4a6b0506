using MultiRate.Core.Errors;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileGraphTests
{
    private const string ThreeLevel = """
        name: three
        base_tick_hz: 1000
        modules:
          planner: { kind: context }
          context: { kind: context }
          head: { kind: action_head }
        clocks:
          planner: { rate_hz: 1, budget_us: 400000, module: planner }
          context: { rate_hz: 10, budget_us: 60000, module: context }
          head: { rate_hz: 1000, budget_us: 500, module: head }
        handoffs:
          - { from: planner, to: context }
          - { from: context, to: head }
        latent: { age_limit_ms: 250 }
        action: { dimension: 1, safe: [0], min: [-1], max: [1] }
        """;

    [Fact]
    public void Parse_ClockModuleNotDeclared_ListsDeclaredModulesAndSuggests()
    {
        string yaml = With("module: head", "module: haed");

        ValidationError e = Errors(yaml).First();

        Assert.Equal("clocks.head.module", e.KeyPath);
        AssertAt(e, yaml, "haed");
        Assert.Equal("module 'haed' is not declared; did you mean 'head'? declared modules: context, head", e.Message);
    }

    [Fact]
    public void Parse_ClockModuleNotDeclared_AlsoSaysNoActionHeadClockOnlyWhenCertain()
    {
        // The head clock's module is unknown, so whether it drives an action head is unknowable:
        // only the reference error is reported, not a cascade.
        ValidationError e = Single(With("module: head", "module: nothing"));

        Assert.Equal("module 'nothing' is not declared; declared modules: context, head", e.Message);
    }

    [Theory]
    [InlineData("- { from: context, to: head }", "- { from: contxt, to: head }", "handoffs[0].from", "unknown clock 'contxt'; did you mean 'context'? clocks: context, head")]
    [InlineData("- { from: context, to: head }", "- { from: context, to: arm }", "handoffs[0].to", "unknown clock 'arm'; clocks: context, head")]
    public void Parse_HandoffUnknownClock_ListsClocks(string find, string replace, string path, string message)
    {
        string yaml = With(find, replace);

        ValidationError e = Single(yaml);

        Assert.Equal(path, e.KeyPath);
        Assert.Equal(10, e.Line);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_HandoffFastToSlow_SaysSwap()
    {
        string yaml = ThreeLevel.Replace("- { from: planner, to: context }", "- { from: context, to: planner }", StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        Assert.Equal("handoffs[0]", e.KeyPath);
        Assert.Equal((12, 5), (e.Line, e.Column));
        Assert.Equal(
            "handoff goes from 'context' (10 Hz) to the slower clock 'planner' (1 Hz); latents flow from slower to faster clocks: swap 'from' and 'to'",
            e.Message);
    }

    [Fact]
    public void Parse_HandoffFromActionHead_ReportsNoLatentAndDirectionAndCycle()
    {
        string yaml = With("- { from: context, to: head }", "- { from: context, to: head }\n  - { from: head, to: context }");

        var errors = Errors(yaml);

        Assert.Equal(
            [
                ("handoffs[1]", "handoff goes from 'head' (1000 Hz) to the slower clock 'context' (10 Hz); latents flow from slower to faster clocks: swap 'from' and 'to'"),
                ("handoffs[1]", "handoffs form a cycle: context -> head -> context; latents must flow one way, from slower to faster clocks"),
                ("handoffs[1].from", "clock 'head' drives action head 'head', which publishes no latent; a handoff must start at a clock driving a context module"),
            ],
            errors.Select(e => (e.KeyPath, e.Message)).Order());
        Assert.All(errors, e => Assert.Equal(11, e.Line));
    }

    [Fact]
    public void Parse_CycleAmongEqualRateClocks_NamesCyclePath()
    {
        string yaml = ThreeLevel
            .Replace("planner: { rate_hz: 1,", "planner: { rate_hz: 10,", StringComparison.Ordinal)
            .Replace("budget_us: 400000", "budget_us: 60000", StringComparison.Ordinal)
            + "\n";
        yaml = yaml.Replace("  - { from: context, to: head }", "  - { from: context, to: head }\n  - { from: context, to: planner }", StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        Assert.Equal("handoffs[2]", e.KeyPath);
        Assert.Equal(14, e.Line);
        Assert.Equal("handoffs form a cycle: context -> planner -> context; latents must flow one way, from slower to faster clocks", e.Message);
    }

    [Fact]
    public void Parse_SelfHandoff_ReportedAsCycle()
    {
        ValidationError e = Single(ThreeLevel.Replace("{ from: planner, to: context }", "{ from: planner, to: planner }", StringComparison.Ordinal));

        Assert.Equal("handoffs form a cycle: planner -> planner; latents must flow one way, from slower to faster clocks", e.Message);
    }

    [Fact]
    public void Parse_DuplicateHandoff_PointsAtFirst()
    {
        ValidationError e = Single(With("- { from: context, to: head }", "- { from: context, to: head }\n  - { from: context, to: head, mode: latest }"));

        Assert.Equal("handoffs[1]", e.KeyPath);
        Assert.Equal("duplicate handoff 'context' -> 'head' (already declared at handoffs[0])", e.Message);
    }

    [Fact]
    public void Parse_NoActionHeadClock_SaysExactlyOneRequired()
    {
        string yaml = With("head: { kind: action_head }", "head: { kind: context }")
            .Replace("overrun: hold, ", string.Empty, StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        // Reported at the start of the clocks mapping (the line after 'clocks:').
        Assert.Equal("clocks", e.KeyPath);
        Assert.Equal(7, e.Line);
        Assert.Equal("no clock drives an action_head module; exactly one action head clock is required (no module has kind action_head)", e.Message);
    }

    [Fact]
    public void Parse_TwoActionHeadClocks_ReportsSecond()
    {
        string yaml = With("context: { kind: context }", "context: { kind: action_head }");

        var errors = Errors(yaml);

        // The context clock now drives a head, so its handoff is reported too.
        Assert.Equal(["clocks.head.module", "handoffs[0].from"], errors.Select(e => e.KeyPath));
        ValidationError e = errors[0];
        Assert.Equal("clocks 'context' and 'head' both drive action_head modules; exactly one action head clock is allowed", e.Message);
    }

    [Fact]
    public void Parse_TwoClocksOneModule_Reported()
    {
        string yaml = ThreeLevel.Replace("module: planner", "module: context", StringComparison.Ordinal);

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.context.module", e.KeyPath);
        Assert.Equal("module 'context' is already driven by clock 'planner'; each module runs on exactly one clock", e.Message);
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("safe_action")]
    public void Parse_HoldOrSafeActionOnContextClock_Reported(string policy)
    {
        string yaml = With("history: 16 }", $"history: 16, overrun: {policy} }}");

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.context.overrun", e.KeyPath);
        AssertAt(e, yaml, policy + " }");
        Assert.Equal(
            $"overrun '{policy}' is only valid on the action head clock; clock 'context' drives context module 'context', which can only skip (valid: skip)",
            e.Message);
    }

    [Fact]
    public void Parse_EmptyClocksAndModules_SaysClockRequired()
    {
        string yaml = """
            name: empty
            base_tick_hz: 1000
            modules: {}
            clocks: {}
            latent: { age_limit_ms: 1 }
            action: { dimension: 1, safe: [0], min: [0], max: [0] }
            """;

        ValidationError e = Single(yaml);

        Assert.Equal(("clocks", 4), (e.KeyPath, e.Line));
        Assert.Equal("at least one clock is required: the clock that drives the action head", e.Message);
    }
}
