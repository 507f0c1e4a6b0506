using System.Text;
using CsCheck;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Yaml;

/// <summary>
/// Deep nesting is refused before the recursive YAML parser sees it: a stack overflow cannot be
/// caught, so any case that slipped through would end the test host rather than fail one test.
/// </summary>
public sealed class YamlDepthTests
{
    [Theory]
    [InlineData("{a: ", "}")]
    [InlineData("[", "]")]
    [InlineData("[{a: ", "}]")]
    public void Parse_100KbOfNestedFlowCollections_RefusedWithPosition(string open, string close)
    {
        int levels = 100_000 / open.Length;
        string yaml = "name: " + Repeat(open, levels) + "1" + Repeat(close, levels);

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(yaml, "deep.yaml"));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Equal(1, e.Line);
        Assert.True(e.Column > 1);
        Assert.Contains("nests more than 64 levels", e.Message, StringComparison.Ordinal);
        Assert.Contains("deep.yaml:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepBlockMappings_Refused()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        var ex = Assert.Throws<ValidationException>(() => ModelConfigLoader.Parse(text.ToString(), "deep.yaml"));

        Assert.Equal(65, Assert.Single(ex.Errors).Line);
    }

    [Fact]
    public void Parse_DeepDashSequencesOnOneLine_Refused()
    {
        string yaml = Repeat("- ", 5000) + "x";

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(yaml, "deep.yaml"));

        Assert.Contains("nests more than", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BracketsInsideQuotesCommentsAndBlockScalars_NotCounted()
    {
        string yaml = Rates.ProfileYaml.Valid.Replace("name: test", "name: '" + Repeat("[{", 100) + "' # " + Repeat("[", 100), StringComparison.Ordinal) +
            "\nnote: |\n  " + Repeat("{", 100) + "\n";

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(yaml, "ok.yaml"));

        // Only the unknown key is reported: nothing about nesting.
        Assert.DoesNotContain(ex.Errors, e => e.Message.Contains("nests", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TextOverOneMebibyte_Refused()
    {
        string yaml = "name: x\n# " + new string('a', 1 << 20);

        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(yaml, "big.yaml"));

        Assert.Contains("1 MiB", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RandomNestingOnASmallStack_OnlyTypedErrors()
    {
        // 256 KiB is a fraction of any thread's default stack: the guard must bound the recursion well below it.
        string[] openers = ["[", "{a: ", "{? ", "- ", "\n  k: ", "[{b: [", "!!map {", "&x [", "'[", "\"{"];
        Gen<string> gen = Gen.Select(Gen.Int[0, openers.Length - 1].Array[0, 400], Gen.Int[0, 3], (picks, tail) =>
            "name: " + string.Concat(picks.Select(p => openers[p])) + "1" + new string(']', tail));
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    gen.Sample(text => ParseTyped(text), iter: 300, threads: 1);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
    }

    private static void ParseTyped(string text)
    {
        try
        {
            RateProfileLoader.Parse(text, "gen.yaml");
        }
        catch (UserInputException)
        {
        }

        try
        {
            ModelConfigLoader.Parse(text, "gen.yaml");
        }
        catch (UserInputException)
        {
        }
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
}
