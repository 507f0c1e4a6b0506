using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using MultiRate.Hosting.Tuning;
using MultiRate.Core.IO;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate tune &lt;profile.yaml&gt; [--config C | --from bench.json] [--write] [--lower-rates] [--quantile Q] [--margin M] [--warmup N] [--samples N]</c>:
/// applies the profile benchmark's recommendations. Budgets only by default; <c>--lower-rates</c> also lowers a
/// rate whose budget cannot fit. <c>--write</c> writes <c>&lt;name&gt;.tuned.yaml</c> beside the original.
/// </summary>
internal static class TuneCommand
{
    private const string Name = "tune";

    public static int Execute(TuneArgs a, TextWriter stdout)
    {
        string path = a.Path;
        RateProfile profile = RateProfileLoader.Load(path);
        string text = InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes);
        ProfileBenchReport report = Recommendations(a, profile, stdout);
        var options = new TuneOptions { LowerRates = a.LowerRates };
        TuneResult result = ProfileTuner.Tune(path, text, report, options);

        ProfileBenchTable.Write(report, stdout);
        stdout.WriteLine(options.LowerRates
            ? "tune changes budget_us, and lowers rate_hz where the recommended budget does not fit the period (never raises a rate)."
            : "tune changes budget_us only; rate_hz stays (pass --lower-rates to lower a rate whose budget cannot fit; rates are never raised).");
        TuneOutput.Changes(result, stdout);
        if (!result.IsValid)
        {
            throw new TuningInputException($"multirate tune: the tuned profile does not validate, so nothing was written:{Environment.NewLine}{result.ValidationErrors}");
        }

        if (result.Changes.Count == 0)
        {
            stdout.WriteLine($"nothing to change: every measured budget already equals its recommendation; {(a.Write ? "nothing written" : "dry run")}.");
            return 0;
        }

        if (!a.Write)
        {
            stdout.WriteLine($"dry run: nothing written; rerun with --write to write {result.TunedPath}. The diff it would write:");
            stdout.WriteLine(result.Diff);
            return 0;
        }

        ProfileTuner.Write(result, [a.Config, a.From]);
        stdout.WriteLine($"wrote {result.TunedPath}: validated with the profile loader; " +
            (result.HotReloadable ? "only live-editable values changed, so a running system can hot-reload it." : "a rate changed, so apply it with a restart (no hot reload)."));
        stdout.WriteLine(result.Diff);
        return 0;
    }

    private static ProfileBenchReport Recommendations(TuneArgs a, RateProfile profile, TextWriter stdout)
    {
        if (a.From is not string from)
        {
            TuningPolicy policy = ProfileBenchCommand.ReadPolicy(a.Quantile, a.Margin, Name, TuningPolicy.Default);
            ProfileBenchOptions bench = ProfileBenchCommand.ReadOptions(a.Warmup, a.Samples);
            var config = ModelConfigLoader.Load(DefaultPaths.Resolve(a.Config ?? "configs/default.yaml"));
            return ProfileBenchCommand.Measure(profile, config, bench, policy, stdout);
        }

        string? measuring = a.Config is not null ? "config" : a.Warmup is not null ? "warmup" : a.Samples is not null ? "samples" : null;
        if (measuring is not null)
        {
            throw new UserInputException($"multirate tune: --{measuring} applies only when tune measures; with --from {from} the saved measurements are used (drop one of them)");
        }

        SavedBench saved = SavedBench.Load(from);
        TuningPolicy fromPolicy = ProfileBenchCommand.ReadPolicy(a.Quantile, a.Margin, Name, saved.Policy);
        stdout.WriteLine($"using measurements from {from} (profile '{saved.Profile}', config '{saved.Config}'), {fromPolicy}");
        if (saved.Profile != profile.Name)
        {
            stdout.WriteLine($"note: {from} was measured for profile '{saved.Profile}', this is '{profile.Name}'; its clock names match, so it is used");
        }

        return saved.Recommend(profile, fromPolicy);
    }
}
