using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Inference.Runtime;
using MultiRate.Training.Data;
using MultiRate.Training.Evaluation;
using MultiRate.Training.Fitting;
using MultiRate.Training.Model;
using MultiRate.Training.Output;
using MultiRate.Training.Schedule;

namespace MultiRate.Training;

/// <summary>
/// <c>multirate train</c>: behaviour cloning of the action head and context module, end to end, on
/// samples paired the way the rate profile's schedule pairs them at run time.
/// </summary>
/// <remarks>
/// Steps: load and validate the config and profile; bind the config's inputs and targets to the log;
/// read the schedule over the log from the calendar (<see cref="ScheduleTimeline"/>); sample every action tick as
/// the replay would; split by time; fit; write the weights and <c>training.json</c>. CPU only. Not
/// thread-safe with other TorchSharp users of the global seed (init takes the shared seed lock).
/// </remarks>
public static class PolicyTrainer
{
    /// <summary>Trains and writes the output directory.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="progress">Called after every batch and epoch (on the calling thread).</param>
    /// <param name="cancellation">Stops after the current batch; the best weights so far are still written.</param>
    /// <returns>The metadata written to <c>training.json</c>.</returns>
    /// <exception cref="UserInputException">Bad config, profile, log, field paths, or a profile/config mismatch.</exception>
    public static TrainingMetadata Train(TrainRequest request, Action<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TrainingOptions options = request.Options;
        ModelConfig config = ModelConfigLoader.Load(request.ConfigPath);
        RateProfile profile = RateProfileLoader.Load(request.ProfilePath);
        CheckOptions(options);
        if (profile.Action.Dimension != config.Targets.Count)
        {
            throw new UserInputException(
                $"{request.ConfigPath}: targets: {config.Targets.Count} target field(s), but {request.ProfilePath} declares action.dimension {profile.Action.Dimension}; they must match");
        }

        // The outputs are checked (not an input, writable, not in use) before any long work starts.
        using TrainingOutputs outputs = TrainingOutputs.Reserve(request);
        TorchRuntime.EnsureLoaded();
        ContextLevel[] levels = ContextLevel.ChainOf(profile);
        LogData data = LogData.Load(request.LogPath, config, request.LogReading);
        long baseTicks = data.BaseTicks(profile.BaseTickNs);
        ScheduleTimeline timeline = ScheduleTimeline.Read(profile, config.Context.History, baseTicks);
        SampleSet samples = SampleSet.Build(data, timeline);
        long endNs = baseTicks * profile.BaseTickNs;
        long gapNs = timeline.LookBackNs;
        TimeSplit split = options.ValidationWindow is (double from, double to)
            ? new TimeSplit((long)(from * 1e9), (long)(to * 1e9), gapNs)
            : options.ValidationAuto
                ? ValidationBlocks.Choose(samples, endNs, options.ValidationFraction, gapNs, timeline.Levels[0].PeriodNs)
                : TimeSplit.ByTime(endNs, options.ValidationFraction, gapNs);
        ValidationBlocks.CheckTargetsMove(samples, split, endNs, config.Targets, config.SourcePath ?? request.ConfigPath);
        int[] train = split.TrainIndices(samples.TimesNs);
        int seed = options.Seed ?? config.Seed;
        var headStats = Normalizer.Fit(samples.Head, samples.HeadSize, train);
        var rowStats = Normalizer.Fit(samples.Rows, samples.RowSize, train);
        using var policy = new TrainablePolicy(config with { Seed = seed }, profile.Action, headStats, rowStats, options.Mode, levels);
        var trainer = new Trainer(policy, samples, timeline, options, new DeployedOutput(profile.Action, profile.Latent, timeline));
        FitResult fit = trainer.Fit(split, seed, progress, cancellation);
        PolicyExporter.Export(policy, outputs.StagingDirectory);
        var metadata = new TrainingMetadata
        {
            ConfigPath = Path.GetFullPath(request.ConfigPath),
            ConfigSha256 = MetadataFile.Sha256(request.ConfigPath),
            ProfilePath = Path.GetFullPath(request.ProfilePath),
            ProfileSha256 = MetadataFile.Sha256(request.ProfilePath),
            LogPath = Path.GetFullPath(request.LogPath),
            DataStartLogNs = data.StartNs,
            DataEndLogNs = data.EndNs,
            ValidationStartRunNs = split.ValidationStartNs,
            ValidationEndRunNs = Math.Min(split.ValidationEndNs, endNs),
            GapNs = split.GapNs,
            TrainSamples = train.Length,
            ValidationSamples = split.ValidationIndices(samples.TimesNs).Length,
            Options = options,
            Seed = seed,
            EpochsRun = fit.TrainLoss.Length,
            BestEpoch = fit.BestEpoch,
            InitialValidationLoss = fit.InitialValidationLoss,
            BestValidationLoss = fit.BestValidationLoss,
            TrainLoss = fit.TrainLoss,
            ValidationLoss = fit.ValidationLoss,
            Validation = fit.Validation,
            ValidationActionsChanged = fit.ValidationActionsChanged,
            Targets = [.. config.Targets],
            HeadNormalization = headStats,
            ContextNormalization = rowStats,
            TrainSeconds = fit.Elapsed.TotalSeconds,
        };
        MetadataFile.Write(outputs.StagingDirectory, metadata);
        outputs.Commit();
        return metadata;
    }

    private static void CheckOptions(TrainingOptions o)
    {
        var problems = new List<string>();
        if (o.Epochs < 1)
        {
            problems.Add($"epochs must be >= 1 (got {o.Epochs})");
        }

        if (o.BatchSize < 1)
        {
            problems.Add($"batch size must be >= 1 (got {o.BatchSize})");
        }

        if (!(o.LearningRate > 0))
        {
            problems.Add($"learning rate must be > 0 (got {o.LearningRate})");
        }

        if (o.Patience < 1)
        {
            problems.Add($"patience must be >= 1 (got {o.Patience})");
        }

        if (!(o.ValidationFraction is > 0 and < 1))
        {
            problems.Add($"validation fraction must be in (0, 1) (got {o.ValidationFraction})");
        }

        if (o.ValidationWindow is (double from, double to) && !(from >= 0 && to > from))
        {
            problems.Add($"validation window must have 0 <= start < end (got {from} .. {to} s)");
        }

        if (o.ValidationAuto && o.ValidationWindow is not null)
        {
            problems.Add("choose the validation block automatically or give it, not both");
        }

        if (o.ExtraStaleTicks < 0)
        {
            problems.Add($"extra stale ticks must be >= 0 (got {o.ExtraStaleTicks})");
        }

        if (problems.Count > 0)
        {
            throw new UserInputException("multirate train: " + string.Join("; ", problems));
        }
    }
}
