using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Reporting;
using MultiRate.Core.Errors;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Commands;

/// <summary>Where <c>tune</c>'s recommendations come from: a full-graph run now, saved measurements (<c>--from</c>) or a recording (<c>--from-recording</c>).</summary>
internal static class TuneMeasurements
{
    private const string Name = "tune";

    /// <summary>The recommendations, and notes on what was forced.</summary>
    public static (ProfileBenchReport Report, IReadOnlyList<string> Notes) Read(TuneArgs a, RunPlan plan, TextWriter? progress, TextWriter warnings, CancellationToken cancellation)
    {
        if (a.From is not null && a.FromRecording is not null)
        {
            throw new UserInputException($"multirate tune: --from {a.From} and --from-recording {a.FromRecording} are two sources of measurements; give one");
        }

        string? from = a.From ?? a.FromRecording;
        if (from is null)
        {
            TuningPolicy policy = ProfileBenchCommand.ReadPolicy(a.Quantile, a.Margin, Name, TuningPolicy.Default);
            ProfileBenchOptions bench = ProfileBenchCommand.ReadOptions(a.Warmup, a.Samples, a.FifoPriority);
            return (ProfileBenchCommand.Measure(plan, bench, policy, progress, warnings, cancellation), []);
        }

        string? measuring = a.Warmup is not null ? "warmup" : a.Samples is not null ? "samples" : null;
        if (measuring is not null)
        {
            throw new UserInputException($"multirate tune: --{measuring} applies only when tune measures; with {(a.From is null ? "--from-recording" : "--from")} {from} the measurements are read (drop one of them)");
        }

        return a.From is not null ? FromSaved(a, plan, progress) : FromRecording(a, plan, progress);
    }

    private static (ProfileBenchReport, IReadOnlyList<string>) FromSaved(TuneArgs a, RunPlan plan, TextWriter? progress)
    {
        SavedBench saved = SavedBench.Load(a.From!);
        IReadOnlyList<string> notes = saved.CheckMatches(plan.Profile, plan.Config.Name, a.Force);
        TuningPolicy policy = ProfileBenchCommand.ReadPolicy(a.Quantile, a.Margin, Name, saved.Policy);
        progress?.WriteLine($"using measurements from {a.From} (profile '{saved.Profile}', config '{saved.Config}'), {policy}");
        return (saved.Recommend(plan.Profile, policy), notes);
    }

    private static (ProfileBenchReport, IReadOnlyList<string>) FromRecording(TuneArgs a, RunPlan plan, TextWriter? progress)
    {
        string path = a.FromRecording!;
        RecordingData data = RecordingLoader.Load(path);
        var notes = new List<string>();
        string recorded = data.Profile.TryGetValue("name", out string? n) ? n : "(unknown: the recording has no profile metadata)";
        if (recorded != plan.Profile.Name)
        {
            string mismatch = $"{path}: profile: recorded with profile '{recorded}', but this is '{plan.Profile.Name}' ({plan.Profile.SourcePath})";
            if (!a.Force)
            {
                throw new TuningInputException($"{mismatch}{Environment.NewLine}a recording of another graph does not tell what this one needs; record a run of this profile, or pass --force to use it anyway");
            }

            notes.Add("forced: " + mismatch);
        }

        TuningPolicy policy = ProfileBenchCommand.ReadPolicy(a.Quantile, a.Margin, Name, TuningPolicy.Default);
        var samples = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (ClockSeries c in data.Clocks)
        {
            double[] ran = c.RanLatenciesUs();
            if (ran.Length > 0 && plan.Profile.Clocks.Any(k => k.Name == c.Name))
            {
                samples[c.Name] = ran;
            }
        }

        if (samples.Count == 0)
        {
            throw new TuningInputException($"{path}: no recorded tick of a clock of profile '{plan.Profile.Name}' ran its module; expected a recording of a run of this profile ('multirate run --record')");
        }

        progress?.WriteLine($"using the recorded ticks of {path} (profile '{recorded}'{(data.Truncated ? ", truncated: complete chunks only" : string.Empty)}), {policy}");
        return (ProfileBenchReport.FromSamples(plan.Profile, plan.Config.Name, samples, policy) with { Method = "recording" }, notes);
    }
}
