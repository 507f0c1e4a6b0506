using System.Text.Json.Nodes;
using MultiRate.Cli.Suites;

namespace MultiRate.Cli.Tests.Suites;

public sealed class SummaryPathTests
{
    private static readonly JsonObject Summary = JsonNode.Parse(
        """{"misses":{"head":0,"context":2},"latent_age_ms":{"p99":196.5},"clocks":[{"name":"context"},{"name":"head"}],"mse":[0.5,0.25]}""")!.AsObject();

    [Theory]
    [InlineData("misses.head", 0.0)]
    [InlineData("misses.context", 2.0)]
    [InlineData("latent_age_ms.p99", 196.5)]
    [InlineData("mse[1]", 0.25)]
    public void TryResolve_PathInTheSummary_GivesItsValue(string text, double expected)
    {
        SummaryPath path = SummaryPath.TryParse(text, out string? error)!;
        Assert.Null(error);

        Assert.True(path.TryResolve(Summary, out JsonNode? value, out string? missing), missing);
        Assert.Equal(expected, value!.GetValue<double>());
    }

    [Fact]
    public void TryResolve_IndexThenKey_WalksIntoTheListItem()
    {
        SummaryPath path = SummaryPath.TryParse("clocks[1].name", out _)!;

        Assert.Equal(["clocks", 1, "name"], path.Segments);
        Assert.True(path.TryResolve(Summary, out JsonNode? value, out _));
        Assert.Equal("head", value!.GetValue<string>());
    }

    [Theory]
    [InlineData("misses.hed", "misses has no key 'hed'; did you mean 'head'?")]
    [InlineData("clocks[2].name", "clocks has 2 items; [2] is past its end")]
    [InlineData("misses.head.x", "misses.head is a number: it has no key 'x'")]
    [InlineData("misses[0]", "misses is a mapping: it has no list items")]
    public void TryResolve_PathNotInTheSummary_SaysWhichStepIsMissing(string text, string expected)
    {
        SummaryPath path = SummaryPath.TryParse(text, out _)!;

        Assert.False(path.TryResolve(Summary, out _, out string? missing));
        Assert.StartsWith(expected, missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".misses")]
    [InlineData("misses.")]
    [InlineData("misses..head")]
    [InlineData("mse[x]")]
    [InlineData("mse[1")]
    [InlineData("misses head")]
    public void TryParse_NotAPath_Refuses(string text)
    {
        Assert.Null(SummaryPath.TryParse(text, out string? error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("misses.head")]
    [InlineData("latent_age_ms.p99")]
    [InlineData("ledger.clocks.head.model")]
    [InlineData("clocks[0].latency_us.p50")]
    [InlineData("replay.truncated")]
    [InlineData("actions_sha256")]
    public void SchemaCheck_PathTheSummaryCanHave_Passes(string text) =>
        Assert.Null(SummarySchema.Check(SummaryPath.TryParse(text, out _)!));

    [Theory]
    [InlineData("mises.head", "the summary has no key 'mises'; did you mean 'misses'?")]
    [InlineData("latent_age_ms.p98", "latent_age_ms has no key 'p98'; did you mean 'p99'?")]
    [InlineData("actions.model", "actions has no keys or items below it")]
    [InlineData("ticks[0]", "ticks is not a list")]
    public void SchemaCheck_PathTheSummaryCannotHave_SaysWhy(string text, string expected) =>
        Assert.StartsWith(expected, SummarySchema.Check(SummaryPath.TryParse(text, out _)!), StringComparison.Ordinal);
}
