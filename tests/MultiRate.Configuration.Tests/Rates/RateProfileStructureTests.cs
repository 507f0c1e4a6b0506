using MultiRate.Core.Errors;
using Xunit;
using static MultiRate.Configuration.Tests.Rates.ProfileYaml;

namespace MultiRate.Configuration.Tests.Rates;

public sealed class RateProfileStructureTests
{
    [Fact]
    public void Parse_MisspeltClockKey_SuggestsClosestAndListsValidKeys()
    {
        string yaml = With("budget_us: 500", "budet_us: 500");

        var errors = Errors(yaml);

        ValidationError unknown = errors.Single(e => e.KeyPath == "clocks.head.budet_us");
        AssertAt(unknown, yaml, "budet_us");
        Assert.Equal(
            "unknown key 'budet_us'; did you mean 'budget_us'? valid keys: rate_hz, offset_ticks, budget_us, overrun, module, history, latency_us, cpu",
            unknown.Message);
        ValidationError missing = errors.Single(e => e.KeyPath == "clocks.head.budget_us");
        Assert.StartsWith("missing required key 'budget_us' (compute budget in microseconds", missing.Message, StringComparison.Ordinal);
        Assert.Equal(8, missing.Line);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeyFarFromAny_ListsValidKeysWithoutSuggestion()
    {
        string yaml = Valid + "\nzzzzzz: 1";

        ValidationError e = Single(yaml);

        Assert.Equal("zzzzzz", e.KeyPath);
        Assert.Equal(18, e.Line);
        Assert.Equal("unknown key 'zzzzzz'; valid keys: name, base_tick_hz, modules, clocks, handoffs, latent, action, tuning", e.Message);
    }

    [Theory]
    [InlineData("latent:\n  age_limit_ms: 250", "latent:\n  age_limit_ms: 250\n  on_stael: degraded", "latent.on_stael", "did you mean 'on_stale'?")]
    [InlineData("- { from: context, to: head }", "- { from: context, too: head }", "handoffs[0].too", "did you mean 'to'?")]
    [InlineData("context: { kind: context }", "context: { knd: context }", "modules.context.knd", "did you mean 'kind'?")]
    [InlineData("  max: [1, 1]", "  max: [1, 1]\n  maxrate_per_s: [1, 1]", "action.maxrate_per_s", "did you mean 'max_rate_per_s'?")]
    public void Parse_MisspeltNestedKey_ReportsPathAndSuggestion(string find, string replace, string path, string hint)
    {
        var errors = Errors(With(find, replace));

        ValidationError e = errors.First(x => x.KeyPath == path);
        Assert.Contains(hint, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate_hz: 1000", "rate_hz: fast", "clocks.head.rate_hz", "expected an integer (clock rate in Hz, a whole divisor of base_tick_hz), got 'fast'")]
    [InlineData("rate_hz: 1000", "rate_hz: '1000'", "clocks.head.rate_hz", "got the quoted string '1000'")]
    [InlineData("rate_hz: 1000", "rate_hz: 1000.5", "clocks.head.rate_hz", "expected an integer")]
    [InlineData("base_tick_hz: 1000", "base_tick_hz: [1000]", "base_tick_hz", "expected an integer (base tick rate in Hz")]
    [InlineData("history: 16", "history: 99999999999", "clocks.context.history", "expected an integer from -2147483648 to 2147483647")]
    [InlineData("age_limit_ms: 250", "age_limit_ms: soon", "latent.age_limit_ms", "expected a finite number (latent age limit in milliseconds, > 0), got 'soon'")]
    [InlineData("age_limit_ms: 250", "age_limit_ms: .inf", "latent.age_limit_ms", "expected a finite number")]
    [InlineData("safe: [0, 0]", "safe: 0", "action.safe", "expected a list (the safe action, a list of dimension numbers within [min, max]), got '0'")]
    [InlineData("safe: [0, 0]", "safe: [0, x]", "action.safe[1]", "expected a finite number (a list item), got 'x'")]
    [InlineData("name: test", "name: { a: 1 }", "name", "expected a string (the profile's name, a string), got a mapping")]
    [InlineData("overrun: hold", "overrun: hodl", "clocks.head.overrun", "invalid value 'hodl'; did you mean 'hold'? valid values: skip | hold | safe_action")]
    [InlineData("{ kind: context }", "{ kind: slow }", "modules.context.kind", "invalid value 'slow'; valid values: action_head | context")]
    [InlineData("- { from: context, to: head }", "- { from: context, to: head, mode: fastest }", "handoffs[0].mode", "valid values: latest | deterministic")]
    [InlineData("age_limit_ms: 250", "age_limit_ms: 250\n  on_stale: panic", "latent.on_stale", "valid values: degraded | safe_action")]
    [InlineData("module: head", "module: [head]", "clocks.head.module", "expected a string (the name of the module this clock drives")]
    [InlineData("clocks:\n  context:", "clocks:\n  context: 5\n  other:", "clocks.context", "expected a mapping (clock 'context') with keys rate_hz, offset_ticks")]
    [InlineData("handoffs:\n  - { from: context, to: head }", "handoffs: { from: context }", "handoffs", "expected a list of { from, to, mode }, got a mapping")]
    [InlineData("modules:", "modules: [a]\nxmodules:", "modules", "expected a mapping of modules by name, got a list")]
    public void Parse_WrongType_ReportsExpectationAtValue(string find, string replace, string path, string message)
    {
        string yaml = With(find, replace);

        var errors = Errors(yaml);

        ValidationError e = errors.First(x => x.KeyPath == path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0 && e.Column > 0, e.ToString());
    }

    [Fact]
    public void Parse_WrongTypedBudget_PointsAtValueNode()
    {
        string yaml = With("budget_us: 500", "budget_us: lots");

        ValidationError e = Single(yaml);

        AssertAt(e, yaml, "lots");
        Assert.Equal("clocks.head.budget_us", e.KeyPath);
    }

    [Fact]
    public void Parse_MissingTopLevelKeys_ReportsEachWithDescription()
    {
        const string yaml = "name: x\nbase_tick_hz: 1000\n";

        var errors = Errors(yaml);

        Assert.Equal(["modules", "clocks", "latent", "action"], errors.Select(e => e.KeyPath));
        Assert.All(errors, e => Assert.Equal((1, 1), (e.Line, e.Column)));
        Assert.Equal("missing required key 'latent' (latent age limit: { age_limit_ms, on_stale })", errors[2].Message);
    }

    [Fact]
    public void Parse_RequiredKeyWithNullValue_SaysItHasNoValue()
    {
        string yaml = With("rate_hz: 1000", "rate_hz: ~");

        ValidationError e = Single(yaml);

        Assert.Equal("clocks.head.rate_hz", e.KeyPath);
        Assert.Equal("'rate_hz' has no value; expected clock rate in Hz, a whole divisor of base_tick_hz", e.Message);
        AssertAt(e, yaml, "~");
    }

    [Fact]
    public void Parse_MissingActionLists_ReportsEachOnce()
    {
        string yaml = With("  safe: [0, 0]\n  min: [-1, -1]\n", string.Empty);

        var errors = Errors(yaml);

        Assert.Equal(["action.safe", "action.min"], errors.Select(e => e.KeyPath));
        Assert.All(errors, e => Assert.Equal(Position(yaml, "dimension").Line, e.Line));
    }

    [Fact]
    public void Parse_SyntaxError_ReportsOneErrorWithPosition()
    {
        string yaml = With("  head: { rate_hz: 1000,", "  head: { rate_hz: 1000, [");

        ValidationError e = Single(yaml);

        Assert.Equal(string.Empty, e.KeyPath);
        Assert.StartsWith("YAML syntax error: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", e.Message, StringComparison.Ordinal);
        Assert.Equal(8, e.Line);
        Assert.True(e.Column > 0);
    }

    [Fact]
    public void Parse_TabIndentation_ReportsSyntaxErrorLine()
    {
        string yaml = With("latent:\n  age_limit_ms", "latent:\n\tage_limit_ms");

        ValidationError e = Single(yaml);

        Assert.StartsWith("YAML syntax error: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(12, e.Line);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsSyntaxError()
    {
        string yaml = With("name: test", "name: test\nname: again");

        ValidationError e = Single(yaml);

        Assert.Contains("Duplicate key", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyText_ReportsEmptyFile(string yaml)
    {
        ValidationError e = Single(yaml);

        Assert.Equal("the file is empty; expected a YAML mapping", e.Message);
    }

    [Fact]
    public void Parse_ScalarDocument_ReportsExpectedMapping()
    {
        ValidationError e = Single("just text");

        Assert.Equal(string.Empty, e.KeyPath);
        Assert.StartsWith("expected a mapping (a rate profile) with keys name, base_tick_hz", e.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (e.Line, e.Column));
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsExtraDocument()
    {
        ValidationError e = Single(Valid + "\n---\nname: other\n");

        Assert.Equal(19, e.Line);
        Assert.Contains("expected one YAML document, found 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsAllTogetherInFileOrder()
    {
        string yaml = With("base_tick_hz: 1000", "base_tick_hz: 3000")
            .Replace("rate_hz: 10,", "rate_hz: 7,", StringComparison.Ordinal)
            .Replace("budget_us: 500", "budget_us: 500, colour: red", StringComparison.Ordinal)
            .Replace("age_limit_ms: 250", "age_limit_ms: 0", StringComparison.Ordinal)
            .Replace("safe: [0, 0]", "safe: [0, 5]", StringComparison.Ordinal);

        var ex = Assert.Throws<ValidationException>(() => MultiRate.Configuration.Rates.RateProfileLoader.Parse(yaml, ProfileYaml.File));

        Assert.Equal(
            ["base_tick_hz", "clocks.head.colour", "latent.age_limit_ms", "action.safe[1]"],
            ex.Errors.Select(e => e.KeyPath));
        Assert.Equal([2, 8, 12, 15], ex.Errors.Select(e => e.Line));
        Assert.StartsWith("4 errors:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeadingByteOrderMark_Ignored()
    {
        var p = MultiRate.Configuration.Rates.RateProfileLoader.Parse("\uFEFF" + Valid, null);

        Assert.Equal("test", p.Name);
    }

    [Fact]
    public void Parse_UndefinedAlias_ReportsSyntaxErrorAtAlias()
    {
        ValidationError e = Single(With("name: test", "name: *nope"));

        Assert.StartsWith("YAML syntax error: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        string yaml = With("safe: [0, 0]", "safe: &zero [0, 0]").Replace("min: [-1, -1]", "min: *zero", StringComparison.Ordinal);

        var p = MultiRate.Configuration.Rates.RateProfileLoader.Parse(yaml, null);

        Assert.Equal([0.0, 0.0], p.Action.Min);
    }

    [Fact]
    public void Parse_AliasBeforeItsAnchor_RefusedAsYamlRequires()
    {
        // YAML requires an anchor before its aliases; resolving later ones would let cycles through.
        ValidationError e = Single(With("min: [-1, -1]", "min: &low [-1, -1]").Replace("safe: [0, 0]", "safe: *low", StringComparison.Ordinal));

        Assert.Contains("the alias *low comes before its anchor &low", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonScalarKey_Reported()
    {
        ValidationError e = Single(With("name: test", "? [a]\n: b\nname: test"));

        Assert.Equal((1, 3), (e.Line, e.Column));
        Assert.StartsWith("expected a key name, got a list; valid keys: name, base_tick_hz", e.Message, StringComparison.Ordinal);
    }
}
