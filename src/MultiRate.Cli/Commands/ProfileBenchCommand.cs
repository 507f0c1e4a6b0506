using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
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
    public static int Execute(ProfileBenchArgs a, TextWriter stdout)
    {
        TuningPolicy policy = ReadPolicy(a.Quantile, a.Margin, "bench profile", TuningPolicy.Default);
        ProfileBenchOptions options = ReadOptions(a.Warmup, a.Samples);
        RateProfile profile = RateProfileLoader.Load(DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml"));
        ModelConfig config = ModelConfigLoader.Load(DefaultPaths.Resolve(a.Config ?? "configs/default.yaml"));
        ProfileBenchReport report = Measure(profile, config, options, policy, a.Json ? null : stdout);
        if (a.Json)
        {
            Json.Write(stdout, BenchReportJson.ToJson(report, a.Raw));
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
    internal static TuningPolicy ReadPolicy(double? quantile, double? margin, string command, TuningPolicy fallback)
    {
        var policy = new TuningPolicy(quantile ?? fallback.Quantile, margin ?? fallback.Margin);
        policy.Validate($"multirate {command}: --quantile/--margin");
        return policy;
    }

    /// <summary>--warmup and --samples over the defaults.</summary>
    internal static ProfileBenchOptions ReadOptions(int? warmup, int? samples)
    {
        var options = new ProfileBenchOptions();
        options.WarmUp = warmup ?? options.WarmUp;
        options.Samples = samples ?? options.Samples;
        return options;
    }
}
