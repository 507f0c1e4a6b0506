using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;
using MultiRate.Core.IO;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate tune &lt;profile.yaml&gt; [--config C] [--from bench.json | --from-recording REC.mcap] [--force] [--write] [--lower-rates]
/// [--confirm-seconds S] [--json] [--quantile Q] [--margin M] [--warmup N] [--samples N] [--fifo-priority P]</c>:
/// measures the whole graph (or reads measurements), applies the recommendations, and confirms them with a
/// real-time run under the tuned profile. Budgets only by default; <c>--lower-rates</c> also lowers a rate whose
/// budget cannot fit. <c>--write</c> writes <c>&lt;name&gt;.tuned.yaml</c> beside the original, only when the
/// confirmation's miss rate of every clock is within the profile's <c>tuning.miss_tolerance</c>.
/// </summary>
/// <remarks>
/// Exit codes: 0 confirmed (and written with <c>--write</c>), or a dry run without confirmation; 2 bad input
/// (including a tuned profile that does not validate); 1 the confirmation missed more than the tolerance, so
/// nothing was written: the inputs were fine, this machine did not hold the budgets (an expectation failed).
/// </remarks>
internal static class TuneCommand
{
    /// <summary>Default length of the confirmation run.</summary>
    public const double DefaultConfirmSeconds = 10;

    public static int Execute(TuneArgs a, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        string path = a.Path;
        double confirmSeconds = a.ConfirmSeconds ?? DefaultConfirmSeconds;
        if (a.Write && confirmSeconds <= 0)
        {
            throw new UserInputException("multirate tune: --write needs a confirmation run: --confirm-seconds must be above 0 (budgets are written only once a run under them met the profile's tuning.miss_tolerance)");
        }

        RunPlan plan = RunPlan.Load(path, DefaultPaths.Resolve(a.Config ?? "configs/default.yaml"));
        string text = InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes);
        TextWriter? human = a.Json ? null : stdout;
        (ProfileBenchReport report, IReadOnlyList<string> forced) = TuneMeasurements.Read(a, plan, human, stderr, cancellation);
        var options = new TuneOptions { LowerRates = a.LowerRates };
        TuneResult result = ProfileTuner.Tune(path, text, report, options);
        double tolerance = plan.Profile.Tuning.MissTolerance;
        if (human is not null)
        {
            foreach (string note in forced)
            {
                human.WriteLine("note: " + note);
            }

            ProfileBenchTable.Write(report, human);
            human.WriteLine(options.LowerRates
                ? "tune changes budget_us, and lowers rate_hz where the recommended budget does not fit the period (never raises a rate)."
                : "tune changes budget_us only; rate_hz stays (pass --lower-rates to lower a rate whose budget cannot fit; rates are never raised).");
            TuneOutput.Changes(result, human);
        }

        if (!result.IsValid)
        {
            throw new TuningInputException($"multirate tune: the tuned profile does not validate, so nothing was written:{Environment.NewLine}{result.ValidationErrors}");
        }

        if (a.Write)
        {
            // Before seconds of confirmation: a tuned path that is one of the inputs is refused now, not after.
            OutputFile.CheckNotAnInput(result.TunedPath, [result.OriginalPath, a.Config, a.From, a.FromRecording], "multirate tune --write");
        }

        ConfirmationReport? confirmation = null;
        if (confirmSeconds > 0)
        {
            // Counted after the same warm-up as the measurement (its first periods also ran on freshly loaded modules), so predicted and achieved compare like with like.
            TimeSpan warmUp = ProfileBench.Periods(a.Warmup ?? new ProfileBenchOptions().WarmUp, plan.Profile.ActionClock);
            var run = new GraphRunOptions { Duration = TimeSpan.FromSeconds(confirmSeconds), WarmUp = warmUp, FifoPriority = a.FifoPriority };
            human?.WriteLine(FormattableString.Invariant($"confirming: the whole graph in real time under the tuned profile, {confirmSeconds} s counted after {warmUp.TotalSeconds:0.###} s of warm-up (tolerance: {tolerance:0.####} of each clock's ticks, tuning.miss_tolerance)..."));
            confirmation = TuneConfirmation.Confirm(new RunPlan(RateProfileLoader.Parse(result.TunedText, result.TunedPath), plan.Config), plan.Profile, report, run, cancellation);
            if (confirmation.PlacementNote is string placement)
            {
                stderr.WriteLine($"warning: {placement}; confirmed with normal scheduling");
            }

            if (human is not null)
            {
                TuneOutput.Confirmation(confirmation, human);
            }
        }

        bool written = false;
        if (confirmation is { Accepted: true } && a.Write && result.Changes.Count > 0)
        {
            ProfileTuner.Write(result, [a.Config, a.From, a.FromRecording]);
            written = true;
        }

        if (a.Json)
        {
            Json.Write(stdout, TuneReportJson.ToJson(result, report, confirmation, tolerance, written));
        }
        else
        {
            TuneOutput.Outcome(result, confirmation, a.Write, written, stdout);
        }

        if (confirmation is { Accepted: false })
        {
            stderr.WriteLine($"multirate tune: the confirmation run missed more than the tolerance (tuning.miss_tolerance) on clock(s) {string.Join(", ", confirmation.Clocks.Where(c => !c.Meets).Select(c => $"'{c.Name}'"))}; {(a.Write ? "nothing was written" : "these budgets would be refused")}");
            return 1;
        }

        return 0;
    }
}
