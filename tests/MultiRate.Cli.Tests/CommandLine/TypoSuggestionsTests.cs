using MultiRate.Cli.CommandLine;

namespace MultiRate.Cli.Tests.CommandLine;

public class TypoSuggestionsTests
{
    [Fact]
    public void Similar_MistypedNames_SuggestsTheIntendedOne()
    {
        Assert.Equal(["--seconds"], TypoSuggestions.Similar("--secs", ["--seconds", "--json", "--rates"]));
        Assert.Equal(["run"], TypoSuggestions.Similar("rnu", ["run", "replay", "train"]));
        Assert.Equal(["--lower-rates"], TypoSuggestions.Similar("--lower-rate", ["--write", "--lower-rates"]));
        Assert.Empty(TypoSuggestions.Similar("fly", ["run", "replay", "train", "faults"]));
    }
}
