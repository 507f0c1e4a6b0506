using System.CommandLine;
using System.Globalization;
using CsCheck;
using MultiRate.Cli.CommandLine;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>Numeric options accept exactly the finite values in their range, whatever the text.</summary>
public class NumberOptionTests
{
    [Fact]
    public void Number_AnyDouble_AcceptedExactlyWhenFiniteAndInRange()
    {
        Option<double?> option = CliOptions.Number("--x", "X", "A number", 0.001, 1e7);
        var command = new RootCommand { option };
        Gen.Double.Sample(v =>
        {
            string text = v.ToString("R", CultureInfo.InvariantCulture);
            ParseResult result = command.Parse(["--x", text]);
            bool accepted = result.Errors.Count == 0;
            bool expected = double.IsFinite(v) && v >= 0.001 && v <= 1e7;
            return accepted == expected
                && (accepted ? result.GetValue(option) == v : result.Errors.Any(e => e.Message.StartsWith($"--x '{text}'", StringComparison.Ordinal)));
        });
    }

    [Fact]
    public void Whole_AnyLong_AcceptedExactlyWhenInRange()
    {
        Option<int?> option = CliOptions.Whole("--n", "N", "A count", 1, 99);
        var command = new RootCommand { option };
        Gen.Long[-1000, 1000].Sample(v =>
        {
            ParseResult result = command.Parse(["--n", v.ToString(CultureInfo.InvariantCulture)]);
            bool expected = v is >= 1 and <= 99;
            return (result.Errors.Count == 0) == expected && (!expected || result.GetValue(option) == v);
        });
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("∞")]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData("0x10")]
    public void Number_NotAFiniteNumber_ErrorNamesTheOption(string text)
    {
        Option<double?> option = CliOptions.Number("--seconds", "N", "Seconds", 0.001, 1e7);
        ParseResult result = new RootCommand { option }.Parse(["--seconds", text]);

        ParseErrorMessage(result, $"--seconds '{text}': expected a finite number from 0.001 to 10000000");
    }

    private static void ParseErrorMessage(ParseResult result, string expected) =>
        Assert.Contains(result.Errors, e => e.Message == expected);
}
