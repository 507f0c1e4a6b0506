namespace MultiRate.Cli.Tests.Docs;

public class OutputMatcherTests
{
    private const string Printed = """
        default (realtime): 1 s on the run's clock in 3.27 s wall
        │ clock   │ Hz   │ ticks │ misses │
        │ head    │ 1000 │ 676   │ 248    │
        actions: 895 (model 463, degraded 184, hold 248, safe 0)  sha256 7c87ae3b8d945bb9
        log intact: 135.3 s, 13514 messages read
        """;

    [Fact]
    public void Mismatch_KeyLinesInOrderWithWildcards_Matches()
    {
        string[] shown =
        [
            "default (realtime): 1 s on the run's clock in ... s wall",
            "│ clock │ Hz │ ticks │ misses │",
            "...",
            "actions: ... sha256 ...",
            "log intact: 135.3 s, 13514 messages read",
        ];

        Assert.Null(OutputMatcher.Mismatch(shown, Printed));
    }

    [Fact]
    public void Mismatch_WildcardBetweenWords_MayStandForNothing()
    {
        Assert.Null(OutputMatcher.Mismatch(["log ... intact: ... messages read"], Printed));
        Assert.NotNull(OutputMatcher.Mismatch(["log ... intact: ... messages ... unread"], Printed));
    }

    [Fact]
    public void Mismatch_ANumberThatDrifted_FailsNamingTheLine()
    {
        string? mismatch = OutputMatcher.Mismatch(["log intact: 135.3 s, 13515 messages read"], Printed);

        Assert.NotNull(mismatch);
        Assert.Contains("13515", mismatch);
    }

    [Fact]
    public void Mismatch_LinesOutOfOrder_Fails()
    {
        Assert.NotNull(OutputMatcher.Mismatch(["log intact: ...", "actions: ..."], Printed));
    }

    [Fact]
    public void Mismatch_RenamedColumn_Fails()
    {
        Assert.NotNull(OutputMatcher.Mismatch(["│ clock │ Hz │ ticks │ miss │"], Printed));
    }

    [Fact]
    public void Mismatch_WildcardDoesNotMakeAPartialLineMatch()
    {
        // A shown line matches a whole printed line: "actions: 895" alone is not a prefix match.
        Assert.NotNull(OutputMatcher.Mismatch(["actions: 895"], Printed));
        Assert.Null(OutputMatcher.Mismatch(["actions: 895 ..."], Printed));
    }
}
