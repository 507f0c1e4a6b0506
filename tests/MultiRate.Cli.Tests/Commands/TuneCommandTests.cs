using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class TuneCommandTests
{
    // Summary only (as `bench profile --json` writes it): p99.9 x 1.5 -> planner 6000, context 2300, head 62.
    private const string Bench = """
        {"profile":"default","config":"default","quantile":99.9,"margin":1.5,"clocks":[
          {"name":"planner","module":"planner","samples":200,"p50_us":1000,"p99_us":3000,"p999_us":4000,"max_us":4000},
          {"name":"context","module":"context","samples":200,"p50_us":900,"p99_us":1400,"p999_us":1500,"max_us":1600},
          {"name":"head","module":"head","samples":2000,"p50_us":12,"p99_us":30,"p999_us":41,"max_us":90}]}
        """;

    private static (string Profile, string Bench) Copy(string bench = Bench)
    {
        string profile = CliRunner.TempFile("default.yaml", File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml")));
        string json = Path.Combine(Path.GetDirectoryName(profile)!, "bench.json");
        File.WriteAllText(json, bench);
        return (profile, json);
    }

    [Fact]
    public void Tune_FromSavedBenchWithWrite_WritesAValidatedProfileAndPrintsTheDiff()
    {
        var (profile, bench) = Copy();
        string tuned = Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml");

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write");

        Assert.True(code == 0, err);
        RateProfile p = RateProfileLoader.Load(tuned);
        Assert.Equal([6000L, 2300, 62], p.Clocks.Select(c => c.BudgetUs));
        Assert.Contains("budget_us only", output);
        Assert.Contains("clocks.head.budget_us: 500 -> 62", output);
        Assert.Contains("--- " + profile, output);
        Assert.Contains("+++ " + tuned, output);
        Assert.Contains("hot-reload", output);
        string[] original = File.ReadAllLines(profile);
        string[] written = File.ReadAllLines(tuned);
        Assert.Equal(original.Length, written.Length);
        Assert.Equal(3, original.Zip(written).Count(l => l.First != l.Second));
        Assert.Equal(original.Where(l => l.TrimStart().StartsWith('#')), written.Where(l => l.TrimStart().StartsWith('#')));
    }

    [Fact]
    public void Tune_WithoutWrite_WritesNothing()
    {
        var (profile, bench) = Copy();

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench);

        Assert.True(code == 0, err);
        Assert.Contains("dry run", output);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml")));
    }

    [Fact]
    public void Tune_BudgetThatCannotFit_ExitsTwoWithoutWriting()
    {
        var (profile, bench) = Copy(Bench.Replace("\"p999_us\":1500,\"max_us\":1600", "\"p999_us\":80000,\"max_us\":80000", StringComparison.Ordinal));

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write");

        Assert.Equal(2, code);
        Assert.Contains("does not validate", err);
        Assert.Contains("clocks.context.budget_us", err);
        Assert.Contains("--lower-rates", output);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml")));
    }

    [Fact]
    public void Tune_LowerRates_LowersTheRateAndSaysARestartIsNeeded()
    {
        var (profile, bench) = Copy(Bench.Replace("\"p999_us\":1500,\"max_us\":1600", "\"p999_us\":80000,\"max_us\":80000", StringComparison.Ordinal));

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write", "--lower-rates");

        Assert.True(code == 0, err);
        Assert.Contains("clocks.context.rate_hz: 10 -> 8", output);
        Assert.Contains("restart", output);
        Assert.Equal(8, RateProfileLoader.Load(Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml")).Clock("context").RateHz);
    }

    [Fact]
    public void Tune_BadJson_ExitsTwoNamingTheFile()
    {
        var (profile, bench) = Copy("{\"profile\": ");

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench);

        Assert.Equal(2, code);
        Assert.Contains(bench, err);
        Assert.Contains("not valid JSON", err);
    }

    [Fact]
    public void Tune_ClockNotInTheProfile_ExitsTwoNamingTheKey()
    {
        var (profile, bench) = Copy(Bench.Replace("\"name\":\"planner\"", "\"name\":\"arm\"", StringComparison.Ordinal));

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench);

        Assert.Equal(2, code);
        Assert.Contains("clocks[0].name", err);
        Assert.Contains("'arm'", err);
    }

    [Theory]
    [InlineData("--quantile", "95", "--raw")]
    [InlineData("--config", "configs/default.yaml", "--config applies only when tune measures")]
    public void Tune_OptionThatCannotApplyToASavedBench_ExitsTwo(string option, string value, string expected)
    {
        var (profile, bench) = Copy();

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Tune_MissingProfile_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("tune", "rates/nope.yaml");

        Assert.Equal(2, code);
        Assert.Contains("nope.yaml", err);
    }

    [Fact]
    public void Tune_NoProfile_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("tune");

        Assert.Equal(2, code);
        Assert.Contains("missing rate profile path", err);
    }

    [Fact]
    public void Tune_Measuring_SmallSampleDryRunExitsZeroOrExplainsWhyNot()
    {
        var (profile, _) = Copy();

        var (code, output, err) = CliRunner.Run("tune", profile, "--samples", "10", "--warmup", "2");

        // Timing decides whether every recommendation fits its rate on this machine; either way the
        // outcome is stated: a dry run (exit 0) or the validator's refusal (exit 2), never a crash.
        Assert.True(code == 0 ? output.Contains("dry run", StringComparison.Ordinal) || output.Contains("nothing to change", StringComparison.Ordinal) : code == 2 && err.Contains("does not validate", StringComparison.Ordinal), output + err);
        Assert.Contains("Measuring profile 'default'", output);
    }
}
