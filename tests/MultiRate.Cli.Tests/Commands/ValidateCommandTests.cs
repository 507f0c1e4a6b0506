namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ValidateCommandTests
{
    [Theory]
    [InlineData("rates/default.yaml")]
    [InlineData("rates/franka-1khz.yaml")]
    [InlineData("rates/ur-500hz.yaml")]
    [InlineData("rates/px4-attitude-250hz.yaml")]
    [InlineData("configs/default.yaml")]
    public void Validate_ShippedFile_ExitsZero(string path)
    {
        var (code, output, err) = CliRunner.Run("validate", path);
        Assert.True(code == 0, err);
        Assert.Contains("valid", output);
    }

    [Fact]
    public void Validate_BrokenProfile_ExitsTwoListingEveryError()
    {
        string text = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml"))
            .Replace("budget_us: 500,", "budet_us: 500,", StringComparison.Ordinal)
            .Replace("rate_hz: 10,", "rate_hz: 7,", StringComparison.Ordinal);
        string path = CliRunner.TempFile("broken.yaml", text);

        var (code, _, err) = CliRunner.Run("validate", path);

        Assert.Equal(2, code);
        Assert.Contains(path, err);
        Assert.Contains("budet_us", err);
        Assert.Contains("budget_us", err);
        Assert.Contains("clocks.context.rate_hz", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("validate", "rates/nope.yaml");
        Assert.Equal(2, code);
        Assert.Contains("nope.yaml", err);
    }

    [Fact]
    public void Run_UnknownOption_ExitsTwoNamingIt()
    {
        var (code, _, err) = CliRunner.Run("replay", "--secs", "3");
        Assert.Equal(2, code);
        Assert.Contains("--secs", err);
        Assert.Contains("--seconds", err);
    }

    [Fact]
    public void Main_UnknownCommand_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("fly");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'fly'", err);
    }
}
