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

    // A tolerance that any confirmation meets: these tests are about what tune writes, not about this machine's timing.
    private const string AnyMisses = "\ntuning: { miss_tolerance: 1 }\n";

    private static (string Profile, string Bench) Copy(string bench = Bench, string extra = AnyMisses)
    {
        string profile = CliRunner.TempFile("default.yaml", File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml")) + extra);
        string json = Path.Combine(Path.GetDirectoryName(profile)!, "bench.json");
        File.WriteAllText(json, bench);
        return (profile, json);
    }

    [Fact]
    public void Tune_FromSavedBenchWithWrite_WritesAValidatedProfileAndPrintsTheDiff()
    {
        var (profile, bench) = Copy();
        string tuned = Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml");

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write", "--confirm-seconds", "0.5");

        Assert.True(code == 0, err);
        Assert.Contains("confirmation: ", output);
        Assert.Contains("wrote " + tuned + ": validated with the profile loader and confirmed", output);
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

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0");

        Assert.True(code == 0, err);
        Assert.Contains("dry run (not confirmed (--confirm-seconds 0))", output);
        Assert.DoesNotContain("confirmation: ", output);
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

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write", "--lower-rates", "--confirm-seconds", "0.5");

        Assert.True(code == 0, err);
        Assert.Contains("clocks.context.rate_hz: 10 -> 8", output);
        Assert.Contains("restart", output);
        Assert.Equal(8, RateProfileLoader.Load(Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml")).Clock("context").RateHz);
    }

    [Fact]
    public void Tune_BadJson_ExitsTwoNamingTheFile()
    {
        var (profile, bench) = Copy("{\"profile\": ");

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0");

        Assert.Equal(2, code);
        Assert.Contains(bench, err);
        Assert.Contains("not valid JSON", err);
    }

    [Fact]
    public void Tune_ClockNotInTheProfile_ExitsTwoNamingTheKey()
    {
        var (profile, bench) = Copy(Bench.Replace("\"name\":\"planner\"", "\"name\":\"arm\"", StringComparison.Ordinal));

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0");

        Assert.Equal(2, code);
        Assert.Contains("clocks[0].name", err);
        Assert.Contains("'arm'", err);
    }

    [Theory]
    [InlineData("--quantile", "95", "--raw")]
    [InlineData("--samples", "100", "--samples applies only when tune measures")]
    public void Tune_OptionThatCannotApplyToASavedBench_ExitsTwo(string option, string value, string expected)
    {
        var (profile, bench) = Copy();

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, option, value, "--confirm-seconds", "0");

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

        var (code, output, err) = CliRunner.Run("tune", profile, "--samples", "10", "--warmup", "2", "--confirm-seconds", "0");

        // Timing decides whether every recommendation fits its rate on this machine; either way the
        // outcome is stated: a dry run (exit 0) or the validator's refusal (exit 2), never a crash.
        Assert.True(code == 0 ? output.Contains("dry run", StringComparison.Ordinal) || output.Contains("nothing to change", StringComparison.Ordinal) : code == 2 && err.Contains("does not validate", StringComparison.Ordinal), output + err);
        Assert.Contains("Measuring profile 'default'", output);
        Assert.Contains("the whole graph in real time", output);
    }

    [Fact]
    public void Tune_ConfirmationMissesMoreThanTheTolerance_RefusesToWriteWithExitOne()
    {
        // A 1 us head budget: no head computes in 1 us, so the confirmation misses (nearly) every tick.
        string tiny = Bench.Replace("\"p999_us\":41,\"max_us\":90", "\"p999_us\":0.5,\"max_us\":90", StringComparison.Ordinal)
            .Replace("\"p50_us\":12,\"p99_us\":30", "\"p50_us\":0.1,\"p99_us\":0.2", StringComparison.Ordinal);
        var (profile, bench) = Copy(tiny, "\ntuning: { miss_tolerance: 0.01 }\n");

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--write", "--confirm-seconds", "0.5");

        Assert.True(code == 1, output + err);
        Assert.Contains("clocks.head.budget_us: 500 -> 1", output);
        Assert.Matches(@"head\s+500\s+1\s+\d+\s+\d+\s+[\d.]+%\s+-\s+1%\s+misses", output);
        Assert.Contains("refused: the confirmation missed more than the tolerance", output);
        Assert.Contains("'head'", err);
        Assert.Contains("nothing was written", err);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(profile)!, "default.tuned.yaml")));
    }

    [Fact]
    public void Tune_WriteWithoutConfirmation_ExitsTwo()
    {
        var (profile, bench) = Copy();

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--write", "--confirm-seconds", "0");

        Assert.Equal(2, code);
        Assert.Contains("--write needs a confirmation run", err);
    }

    [Fact]
    public void Tune_SavedBenchOfAnotherProfile_IsRefusedUnlessForced()
    {
        var (profile, bench) = Copy(Bench.Replace("\"profile\":\"default\"", "\"profile\":\"franka-1khz\"", StringComparison.Ordinal));

        var (refused, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0");
        var (forced, output, forcedErr) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0", "--force");

        Assert.Equal(2, refused);
        Assert.Contains("measured for profile 'franka-1khz', but this is 'default'", err);
        Assert.Contains("--force", err);
        Assert.True(forced == 0, forcedErr);
        Assert.Contains("note: forced: " + bench + ": profile: measured for profile 'franka-1khz'", output);
    }

    [Fact]
    public void Tune_Json_MatchesTheSchemaAndSaysWhetherItIsAccepted()
    {
        var (profile, bench) = Copy();

        var (code, output, err) = CliRunner.Run("tune", profile, "--from", bench, "--confirm-seconds", "0.5", "--json");

        Assert.True(code == 0, err);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs/schemas/tune.schema.json")))!.AsObject();
        Assert.Empty(JsonSchemaValidator.Errors(schema, json));
        Assert.True(json["accepted"]!.GetValue<bool>());
        Assert.False(json["written"]!.GetValue<bool>());
        Assert.Equal("saved", json["method"]!.GetValue<string>());
        var clocks = json["clocks"]!.AsArray();
        Assert.Equal(["planner", "context", "head"], clocks.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal([400000L, 60000, 500], clocks.Select(c => c!["budget_us"]!.GetValue<long>()));
        Assert.Equal([6000L, 2300, 62], clocks.Select(c => c!["recommended_us"]!.GetValue<long>()));
        Assert.All(clocks, c => Assert.Equal(1.0, c!["tolerance"]!.GetValue<double>()));
        var head = clocks[2]!["confirm"]!;
        Assert.InRange(head["ticks"]!.GetValue<long>(), 1, 1000);
        Assert.Equal(head["misses"]!.GetValue<long>() / (double)head["ticks"]!.GetValue<long>(), head["miss_rate"]!.GetValue<double>(), 6);
        Assert.False(clocks[2]!["quantile_reliable"]!.GetValue<bool>()); // p99.9 from 2000 samples
        Assert.Contains("2000 samples", clocks[2]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void Tune_FromRecording_UsesTheRecordedTicks()
    {
        var (profile, _) = Copy();
        string rec = Path.Combine(Path.GetDirectoryName(profile)!, "run.mcap");
        var (recorded, _, recordErr) = CliRunner.Run("run", "--rates", profile, "--seconds", "1.2", "--no-dashboard", "--no-watch", "--record", rec);
        Assert.True(recorded == 0, recordErr);

        // The recording is a real-time run under the test suite's own load: one late context tick (a
        // tuned budget past the 100 ms period) would make the tuned profile invalid, which tune rightly
        // refuses. --lower-rates lets tune fit such a budget by lowering the rate instead.
        var (code, output, err) = CliRunner.Run("tune", profile, "--from-recording", rec, "--confirm-seconds", "0", "--lower-rates");

        Assert.True(code == 0, err);
        Assert.Contains("using the recorded ticks of " + rec + " (profile 'default')", output);
        Assert.Contains("recorded compute time per tick", output);
        Assert.Contains("clocks.head.budget_us: 500 -> ", output);
    }

    [Fact]
    public void Tune_FromAndFromRecording_ExitsTwo()
    {
        var (profile, bench) = Copy();

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--from-recording", "x.mcap", "--confirm-seconds", "0");

        Assert.Equal(2, code);
        Assert.Contains("give one", err);
    }
}
