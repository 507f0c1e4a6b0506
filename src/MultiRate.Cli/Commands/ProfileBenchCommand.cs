using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench profile [--rates R] [--config C] [--warmup N] [--samples N] [--quantile Q] [--margin M] [--fifo-priority P] [--json] [--raw]</c>:
/// runs the whole graph of a profile in real time, times every clock's response per tick, and recommends budgets and rates.
/// </summary>
internal static class ProfileBenchCommand
{
    public static int Execute(ProfileBenchArgs a, TextWriter stdout)
    {
        TuningPolicy policy = ReadPolicy(a.Quantile, a.Margin, "bench profile", TuningPolicy.Default);
        ProfileBenchOptions options = ReadOptions(a.Warmup, a.Samples, a.FifoPriority);
        RunPlan plan = RunPlan.Load(DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml"), DefaultPaths.Resolve(a.Config ?? "configs/default.yaml"));
        ProfileBenchReport report = Measure(plan, options, policy, a.Json ? null : stdout, Console.Error);
        if (a.Json)
        {
            Json.Write(stdout, BenchReportJson.ToJson(report, a.Raw));
            return 0;
        }

        ProfileBenchTable.Write(report, stdout);
        stdout.WriteLine(ProfileBenchTable.Method(report));
        return 0;
    }

    /// <summary>Runs the full graph, measures and recommends; prints a progress line when <paramref name="progress"/> is set.</summary>
    internal static ProfileBenchReport Measure(RunPlan plan, ProfileBenchOptions options, TuningPolicy policy, TextWriter? progress, TextWriter warnings, CancellationToken cancellation = default)
    {
        string head = plan.Profile.ActionClock.Name;
        double seconds = ProfileBench.Periods(options.WarmUp + (long)options.Samples, plan.Profile.ActionClock).TotalSeconds;
        string priority = options.FifoPriority is int p ? FormattableString.Invariant($"SCHED_FIFO priority {p}") : "normal scheduling";
        progress?.WriteLine(FormattableString.Invariant(
            $"Measuring profile '{plan.Profile.Name}' ({plan.Profile.SourcePath}) with config '{plan.Config.Name}' ({plan.Config.SourcePath}) on this machine: the whole graph in real time, every clock at its rate, {options.WarmUp} + {options.Samples} periods of clock '{head}' ({seconds:0.###} s of run time after the models load and warm up), {priority}..."));
        GraphRunResult run = ProfileBench.Measure(plan, options, cancellation: cancellation);
        if (run.PlacementNote is string note)
        {
            warnings.WriteLine($"warning: {note}; measured with normal scheduling");
        }

        return ProfileBenchReport.FromSamples(plan.Profile, plan.Config.Name, run.SamplesUs, policy);
    }

    /// <summary>--quantile and --margin over <paramref name="fallback"/>.</summary>
    internal static TuningPolicy ReadPolicy(double? quantile, double? margin, string command, TuningPolicy fallback)
    {
        var policy = new TuningPolicy(quantile ?? fallback.Quantile, margin ?? fallback.Margin);
        policy.Validate($"multirate {command}: --quantile/--margin");
        return policy;
    }

    /// <summary>--warmup, --samples and --fifo-priority over the defaults.</summary>
    internal static ProfileBenchOptions ReadOptions(int? warmup, int? samples, int? fifoPriority)
    {
        var options = new ProfileBenchOptions();
        options.WarmUp = warmup ?? options.WarmUp;
        options.Samples = samples ?? options.Samples;
        options.FifoPriority = fifoPriority;
        return options;
    }
}
