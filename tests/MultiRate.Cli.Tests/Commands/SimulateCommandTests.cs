namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class SimulateCommandTests
{
    [Fact]
    public void SimulateAttitude_ThenTrainAndReplay_RunUnchangedOnTheSimulatedLog()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-simulate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string log = Path.Combine(dir, "sim.mcap");

        var (code, output, err) = CliRunner.Run("simulate", "attitude", "--seconds", "6", "--seed", "3", "--out", log);
        Assert.True(code == 0, err);
        Assert.Contains("1200 ticks", output, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", output, StringComparison.Ordinal);

        (code, _, err) = CliRunner.Run("train", "--log", log, "--config", "configs/sim-attitude.yaml", "--rates", "rates/sim-attitude-10hz.yaml", "--out", Path.Combine(dir, "w"), "--epochs", "1");
        Assert.True(code == 0, err);
        (code, output, err) = CliRunner.Run("replay", "--weights", Path.Combine(dir, "w"), "--targets");
        Assert.True(code == 0, err);
        Assert.Contains("/plant/command.u", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seconds", "1")]
    [InlineData("--seconds", "abc")]
    [InlineData("--seed", "x")]
    public void SimulateAttitude_BadArgument_ExitCode2NamingTheOption(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("simulate", "attitude", option, value, "--out", Path.Combine(Path.GetTempPath(), "never.mcap"));

        Assert.Equal(2, code);
        Assert.Contains(option, err, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateAttitude_MissingOut_ExitCode2WithTheUsage()
    {
        var (code, _, err) = CliRunner.Run("simulate", "attitude");

        Assert.Equal(2, code);
        Assert.Contains("--out", err, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchTraining_UnknownTask_ExitCode2ListingTheTasks()
    {
        var (code, _, err) = CliRunner.Run("bench", "training", "--tasks", "nosuchtask", "--json");

        Assert.Equal(2, code);
        Assert.Contains("sim-attitude", err, StringComparison.Ordinal);
    }
}
