using System.Text.Json.Nodes;
using MultiRate.Cli.Suites;

namespace MultiRate.Cli.Tests.Suites;

public sealed class ExpectationsTests
{
    private static readonly SummaryPath Path = SummaryPath.TryParse("x", out _)!;

    [Theory]
    [InlineData("== 0", "0", true)]
    [InlineData("== 0", "1", false)]
    [InlineData("!= 0", "1", true)]
    [InlineData("< 250", "249.9", true)]
    [InlineData("< 250", "250", false)]
    [InlineData("<= 250", "250", true)]
    [InlineData("> 1e-3", "0.001", false)]
    [InlineData(">= 1e-3", "0.001", true)]
    [InlineData("== \"abc\"", "\"abc\"", true)]
    [InlineData("== \"abc\"", "\"abd\"", false)]
    [InlineData("!= \"abc\"", "\"abd\"", true)]
    [InlineData("== false", "false", true)]
    [InlineData("== true", "false", false)]
    [InlineData("== 0", "\"0\"", false)]
    [InlineData("< 250", "null", false)]
    public void Check_ComparisonOnAValue_HoldsExactlyWhenItShould(string comparison, string actual, bool holds)
    {
        Expectation e = Expectations.Parse(Path, comparison, out string? error)!;
        Assert.Null(error);

        string? failure = Expectations.Check(e, JsonNode.Parse(actual));

        Assert.Equal(holds, failure is null);
        if (!holds)
        {
            Assert.Equal($"x {comparison}: got {actual}", failure);
        }
    }

    [Fact]
    public void Check_NumberBuiltInMemory_ComparesLikeAParsedOne()
    {
        Expectation e = Expectations.Parse(Path, ">= 200", out _)!;

        Assert.Null(Expectations.Check(e, JsonValue.Create(200)));
        Assert.Null(Expectations.Check(e, JsonValue.Create(200L)));
        Assert.Equal("x >= 200: got 199.5", Expectations.Check(e, JsonValue.Create(199.5)));
    }

    [Theory]
    [InlineData("0", "is not a comparison")]
    [InlineData("=< 3", "is not a comparison")]
    [InlineData("== ", "is not a finite number")]
    [InlineData("== abc", "is not a finite number")]
    [InlineData("== NaN", "is not a finite number")]
    [InlineData("< \"abc\"", "compares numbers only")]
    [InlineData("> true", "compares numbers only")]
    public void Parse_MalformedComparison_RefusesWithTheReason(string comparison, string expected)
    {
        Assert.Null(Expectations.Parse(Path, comparison, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
