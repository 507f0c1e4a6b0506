using System.Text;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Yaml;

/// <summary>
/// Aliases nest as deeply as brackets once the node tree is built: a chain of them is refused like
/// deep brackets, with a position, instead of overflowing the stack when YamlDotNet hashes the nodes.
/// </summary>
public sealed class AliasDepthTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parse_ChainOfAliasesThirtyThousandLong_RefusedAtTheAliasThatGoesTooDeep(bool asKeys)
    {
        // a0: &a0 {x: 1}; a1: &a1 {*a0 : 1} (as keys) or {x: *a0} (as values); ... each link one level deeper.
        var text = new StringBuilder("name: t\na0: &a0 {x: 1}\n");
        for (int i = 1; i < 30_000; i++)
        {
            text.Append(asKeys ? $"a{i}: &a{i} {{*a{i - 1} : 1}}\n" : $"a{i}: &a{i} {{x: *a{i - 1}}}\n");
        }

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(text.ToString(), "chain.yaml"));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Contains("once aliases are expanded", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.Line, 60, 70);
    }

    [Fact]
    public void Parse_AliasToTheCollectionThatHoldsIt_RefusedAsACycle()
    {
        var ex = Assert.Throws<ValidationException>(() => ModelConfigLoader.Parse("name: &a {b: *a}\n", "cycle.yaml"));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Contains("the alias *a refers to a collection that contains it", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Parse_ForwardAliasesClosingACycle_RefusedAtTheFirstForwardAlias()
    {
        // p holds *q before q exists; q then holds *p: resolved at the end, p and q would contain each other.
        var ex = Assert.Throws<ValidationException>(() => ModelConfigLoader.Parse("a: &p {k: *q}\nb: &q {k: *p}\nc: {*p : 1}\n", "forward.yaml"));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Contains("the alias *q comes before its anchor &q", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Parse_ShallowAliases_StillAccepted()
    {
        string text = "name: t\nbase: &b {x: 1}\nother: {y: *b}\n";

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(text, "shallow.yaml"));

        Assert.DoesNotContain(ex.Errors, e => e.Message.Contains("aliases are expanded", StringComparison.Ordinal));
    }
}
