using MultiRate.Cli.Infrastructure;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Hosting.Tuning;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench profile [--rates R] [--config C] [--warmup N] [--samples N] [--quantile Q] [--margin M] [--json] [--raw]</c>:
/// times every clock's module of a profile on this machine and recommends budgets and rates.
/// </summary>
internal static class ProfileBenchCommand
{
    private static readonly string[] Flags = ["json", "raw"];
    private static readonly string[] Valued = ["rates", "config", "warmup", "samples", "quantile", "margin"];

    public static int Execute(IReadOnlyList<string> args, TextWriter stdout)
    {
        const string Name = "bench profile";
        CliArgs a = CliArgs.Parse(Name, args, Flags, Valued);
        if (a.Positionals.Count > 0)
        {
            throw new UserInputException($"multirate {Name}: unexpected argument '{a.Positionals[0]}'; the profile is given with --rates");
        }

        TuningPolicy policy = ReadPolicy(a, Name, TuningPolicy.Default);
        ProfileBenchOptions options = ReadOptions(a, Name);
        RateProfile profile = RateProfileLoader.Load(DefaultPaths.Resolve(a.Get("rates") ?? "rates/default.yaml"));
        ModelConfig config = ModelConfigLoader.Load(DefaultPaths.Resolve(a.Get("config") ?? "configs/default.yaml"));
        ProfileBenchReport report = Measure(profile, config, options, policy, a.Has("json") ? null : stdout);
        if (a.Has("json"))
        {
            Json.Write(stdout, BenchReportJson.ToJson(report, a.Has("raw")));
            return 0;
        }

        ProfileBenchTable.Write(report, stdout);
        stdout.WriteLine(ProfileBenchTable.Method(options, config.Context.Recursion));
        return 0;
    }

    /// <summary>Builds the modules, times them and recommends; prints a progress line when <paramref name="progress"/> is set.</summary>
    internal static ProfileBenchReport Measure(RateProfile profile, ModelConfig config, ProfileBenchOptions options, TuningPolicy policy, TextWriter? progress)
    {
        progress?.WriteLine(
            $"Measuring profile '{profile.Name}' ({profile.SourcePath}) with config '{config.Name}' ({config.SourcePath}) on this machine: " +
            $"head {options.WarmUp} warm-up + {options.Samples} timed calls, each context clock {options.EffectiveContextWarmUp} + {options.EffectiveContextSamples}...");
        IReadOnlyDictionary<string, double[]> samples = ProfileBench.Measure(profile, config, options);
        return ProfileBenchReport.FromSamples(profile, config.Name, samples, policy);
    }

    /// <summary>--quantile and --margin over <paramref name="fallback"/>.</summary>
    internal static TuningPolicy ReadPolicy(CliArgs a, string command, TuningPolicy fallback)
    {
        var policy = new TuningPolicy(a.GetDouble("quantile", 0, 100) ?? fallback.Quantile, a.GetDouble("margin", 1, 100) ?? fallback.Margin);
        policy.Validate($"multirate {command}: --quantile/--margin");
        return policy;
    }

    /// <summary>--warmup and --samples.</summary>
    internal static ProfileBenchOptions ReadOptions(CliArgs a, string command)
    {
        var options = new ProfileBenchOptions();
        options.WarmUp = Count(a, command, "warmup", 0) ?? options.WarmUp;
        options.Samples = Count(a, command, "samples", 1) ?? options.Samples;
        return options;
    }

    private static int? Count(CliArgs a, string command, string name, int min)
    {
        double? v = a.GetDouble(name, min, 10_000_000);
        if (v is double d && d != Math.Floor(d))
        {
            throw new UserInputException($"multirate {command}: --{name} '{a.Get(name)}': expected a whole number from {min} to 10000000");
        }

        return v is double n ? (int)n : null;
    }
}
