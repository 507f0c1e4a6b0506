namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public sealed class LogsBenchCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("x")]
    public void BenchLogs_BadRepeat_ExitsWithUserError(string repeat)
    {
        (int code, _, string err) = CliRunner.Run("bench", "logs", "--repeat", repeat);

        Assert.Equal(2, code);
        Assert.Contains("--repeat", err, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchLogs_UnknownOption_ExitsWithUserError()
    {
        (int code, _, string err) = CliRunner.Run("bench", "logs", "--fast");

        Assert.Equal(2, code);
        Assert.Contains("--fast", err, StringComparison.Ordinal);
    }
}
