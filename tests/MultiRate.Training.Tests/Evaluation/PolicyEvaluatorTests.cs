using MultiRate.Training.Evaluation;
using MultiRate.Training.Fitting;
using MultiRate.Training.Output;
using MultiRate.Training.Tests.Support;

namespace MultiRate.Training.Tests.Evaluation;

public class PolicyEvaluatorTests
{
    [Fact]
    public void Evaluate_MultiRateWeightsReplayedByTheRuntime_MatchTheTrainingTimeEstimate()
    {
        // The replay runs the exported weights in the real executor; the training estimate runs the
        // training graph on the simulated schedule. Equal scores mean the pairing, the windows, the
        // folded normalisation and the weight export all agree with the runtime.
        SyntheticLog log = SyntheticLog.Create(seconds: 12);
        TrainingMetadata m = PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("w"), new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 2 }));

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("w")));

        Assert.Equal(m.ValidationSamples, r.Validation.Count);
        Assert.Equal(r.Validation.Count, r.ModelActions);
        Assert.Equal(m.Validation.Mse[0], r.Validation.Mse[0], 1e-5);
        Assert.Equal(m.Validation.R2[0]!.Value, r.Validation.R2[0]!.Value, 1e-4);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Evaluate_ChainOfTwoSlowClocksReplayedByTheRuntime_MatchTheTrainingTimeEstimate()
    {
        // planner -> context -> head: both context modules are trained end to end; the replay loads the
        // planner's weights from upstream/planner and feeds its latents to the context as the runtime does.
        SyntheticLog log = SyntheticLog.Create(seconds: 12, chained: true);
        TrainingMetadata m = PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("w"), new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 4 }));

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("w")));

        Assert.True(File.Exists(log.Out("w/upstream/planner/context.safetensors")));
        Assert.Equal(m.ValidationSamples, r.Validation.Count);
        Assert.Equal(r.Validation.Count, r.ModelActions);
        Assert.Equal(m.Validation.Mse[0], r.Validation.Mse[0], 1e-5);
        Assert.Equal(m.Validation.R2[0]!.Value, r.Validation.R2[0]!.Value, 1e-4);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Evaluate_HeadJumpingFasterThanTheRateLimit_EstimateIsTheRateLimitedDeployedScore()
    {
        // At 1 per second (0.01 per 10 ms tick) the output stage limits most of a barely trained head's
        // steps, as PX4's 50 per second limited the spikes of the heads trained on the SITL flight. The
        // estimate must score the actions the output stage sends, not the head's raw outputs.
        SyntheticLog log = SyntheticLog.Create(seconds: 12, maxRatePerSecond: 1);
        TrainingMetadata m = PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("w"), new TrainingOptions { Epochs = 1, BatchSize = 64, Seed = 2 }));

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("w")));

        Assert.True(r.Summary.Guards["clamped_actions"] > 100, $"the rate limit should bind; clamped {r.Summary.Guards["clamped_actions"]}");
        Assert.Equal(m.ValidationSamples, r.Validation.Count);
        Assert.Equal(m.Validation.Mse[0], r.Validation.Mse[0], 1e-6);
        Assert.Equal(m.Validation.R2[0]!.Value, r.Validation.R2[0]!.Value, 1e-4);
    }

    [Fact]
    public void Evaluate_SafeActionOnStaleLatents_EstimateScoresTheSafeActionsTheRuntimeSends()
    {
        // Deterministic 10 Hz handoff: latents are 100-190 ms old, so with a 150 ms limit four ticks of
        // every ten send the safe action (rate limited on the way there and back).
        SyntheticLog log = SyntheticLog.Create(seconds: 10, maxRatePerSecond: 20, latent: "{ age_limit_ms: 150, on_stale: safe_action }");
        TrainingMetadata m = PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("w"), new TrainingOptions { Epochs = 1, BatchSize = 64, Seed = 3 }));

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("w")));

        Assert.True(r.ModelActions < 0.7 * r.Validation.Count, $"{r.ModelActions} of {r.Validation.Count} from the head");
        Assert.True(m.ValidationActionsChanged >= 0.4 * m.ValidationSamples, $"{m.ValidationActionsChanged} of {m.ValidationSamples}");
        Assert.Equal(m.Validation.Mse[0], r.Validation.Mse[0], 1e-6);
        Assert.Equal(m.Validation.R2[0]!.Value, r.Validation.R2[0]!.Value, 1e-4);
    }

    [Fact]
    public void Evaluate_NoContextWeights_HeadIgnoresTheLatent()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 8);
        TrainingMetadata m = PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("f"), new TrainingOptions { Epochs = 1, Mode = TrainingMode.NoContext }));

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("f")));

        // Trained with a zero latent, replayed with whatever the context publishes: same predictions.
        Assert.Equal("no-context", r.Mode);
        Assert.Equal(m.Validation.Mse[0], r.Validation.Mse[0], 1e-6);
    }

    [Fact]
    public void Evaluate_ProfileChangedSinceTraining_Warns()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 6);
        PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out("p"), new TrainingOptions { Epochs = 1 }));
        File.AppendAllText(log.ProfilePath, "\n# edited\n");

        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(log.Out("p")));

        Assert.Contains(r.Warnings, w => w.Contains("changed since training", StringComparison.Ordinal));
    }
}
