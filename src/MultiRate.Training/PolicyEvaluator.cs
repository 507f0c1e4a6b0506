using MultiRate.Core.Errors;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using MultiRate.Training.Data;
using MultiRate.Training.Evaluation;
using MultiRate.Training.Fitting;
using MultiRate.Training.Output;

namespace MultiRate.Training;

/// <summary>
/// <c>multirate replay --weights DIR --targets</c>: runs the trained policy through the real runtime
/// (<see cref="RunSession"/>, the executor in virtual time, the rate profile's schedule, the output
/// stage's clamp and rate limits) and scores every emitted action against the logged targets,
/// sampled-and-held at the same tick times, over the validation time range only.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Replays and scores.</summary>
    /// <exception cref="UserInputException">Missing or unreadable inputs, or a log with no validation range.</exception>
    public static EvaluationReport Evaluate(EvaluateRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meta = MetadataFile.Read(request.WeightsDirectory);
        string config = request.ConfigPath ?? meta.Config;
        string profile = request.ProfilePath ?? meta.Profile;
        string log = request.LogPath ?? meta.Log;
        var warnings = new List<string>();
        if (File.Exists(config) && MetadataFile.Sha256(config) != meta.ConfigSha256)
        {
            warnings.Add($"{config}: changed since training (SHA-256 differs from training.json)");
        }

        if (File.Exists(profile) && MetadataFile.Sha256(profile) != meta.ProfileSha256)
        {
            warnings.Add($"{profile}: changed since training (SHA-256 differs from training.json); scoring under the new schedule");
        }

        var options = new MultiRateOptions { ProfilePath = profile, ConfigPath = config, LogPath = log, Mode = ExecutionMode.Virtual, LogReading = request.LogReading };
        var recorder = new ActionRecorder();
        using var session = new RunSession(RunPlan.Load(options), options, new TrainedModuleFactory(request.WeightsDirectory), sink: null, customSource: null, observers: [recorder]);

        // The targets, bound to the same log (this also reports missing topics/fields with what the log has).
        LogData data = LogData.Load(log, session.Config, request.LogReading);
        if (data.Targets.Fields.Count != session.Profile.Action.Dimension)
        {
            throw new UserInputException($"{config}: targets: {data.Targets.Fields.Count} target field(s) for an action of dimension {session.Profile.Action.Dimension}");
        }

        RunSummary summary = session.Run(cancellation);
        int dims = data.Targets.Fields.Count;
        var predictions = new List<float>();
        var targets = new List<float>();
        float[] row = new float[dims];
        int modelActions = 0;
        for (int i = 0; i < recorder.TimesNs.Count; i++)
        {
            long t = recorder.TimesNs[i];
            if (t < meta.ValidationStartRunNs || t >= meta.ValidationEndRunNs)
            {
                continue;
            }

            data.Targets.Read(data.StartNs + t, row);
            targets.AddRange(row);
            predictions.AddRange(recorder.Values.GetRange(i * dims, dims));
            modelActions += recorder.Kinds[i] is ActionKind.Model or ActionKind.Degraded ? 1 : 0;
        }

        if (targets.Count == 0)
        {
            throw new UserInputException($"{log}: the replay has no action in the validation range ({meta.ValidationStartRunNs / 1e9:F3} to {meta.ValidationEndRunNs / 1e9:F3} s from the log's start)");
        }

        var metrics = RegressionMetrics.Compute(predictions.ToArray(), targets.ToArray(), dims);
        return new EvaluationReport(meta.Mode, [.. data.Targets.Fields], metrics, meta.ValidationStartRunNs, meta.ValidationEndRunNs, modelActions, summary, warnings);
    }
}
