using MultiRate.Core.Errors;
using MultiRate.Training.Fitting;
using MultiRate.Training.Output;
using MultiRate.Training.Tests.Support;

namespace MultiRate.Training.Tests.Fitting;

public class PolicyTrainerTests
{
    private static TrainingMetadata Train(SyntheticLog log, string outName, TrainingOptions options) =>
        PolicyTrainer.Train(new TrainRequest(log.LogPath, log.ConfigPath, log.ProfilePath, log.Out(outName), options));

    [Fact]
    public void Train_SyntheticLogWithKnownDynamics_LowersTheValidationLoss()
    {
        SyntheticLog log = SyntheticLog.Create();

        TrainingMetadata m = Train(log, "w", new TrainingOptions { Epochs = 4, BatchSize = 64, LearningRate = 3e-3, Seed = 5 });

        Assert.True(m.BestValidationLoss < 0.5 * m.InitialValidationLoss, $"initial {m.InitialValidationLoss}, best {m.BestValidationLoss}");
        Assert.True(m.TrainLoss[^1] < m.TrainLoss[0], string.Join(", ", m.TrainLoss));
        Assert.True(File.Exists(log.Out("w/head.safetensors")));
        Assert.True(File.Exists(log.Out("w/context.safetensors")));
        Assert.True(File.Exists(log.Out("w/training.json")));
    }

    [Fact]
    public void Train_ChainOfTwoSlowClocks_LowersTheLossAndTrainsEveryLevel()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 12, chained: true);

        TrainingMetadata m = Train(log, "w", new TrainingOptions { Epochs = 3, BatchSize = 64, LearningRate = 3e-3, Seed = 5 });

        Assert.True(m.BestValidationLoss < 0.5 * m.InitialValidationLoss, $"initial {m.InitialValidationLoss}, best {m.BestValidationLoss}");
        Assert.True(File.Exists(log.Out("w/context.safetensors")));
        Assert.True(File.Exists(log.Out("w/upstream/planner/context.safetensors")));

        // Look-back: context 10 rows x 10 ms + 100 ms + 50 ms, planner 20 rows x 10 ms + 500 ms + 120 ms.
        Assert.Equal(250_000_000 + 820_000_000, m.GapNs);
    }

    [Fact]
    public void Train_TwiceWithOneSeed_BitIdenticalWeightsAndLossCurves()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 10);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 11 };

        TrainingMetadata a = Train(log, "a", options);
        TrainingMetadata b = Train(log, "b", options);
        TrainingMetadata c = Train(log, "c", options with { Seed = 12 });

        Assert.Equal(a.TrainLoss, b.TrainLoss);
        Assert.Equal(a.ValidationLoss, b.ValidationLoss);
        Assert.Equal(File.ReadAllBytes(log.Out("a/head.safetensors")), File.ReadAllBytes(log.Out("b/head.safetensors")));
        Assert.Equal(File.ReadAllBytes(log.Out("a/context.safetensors")), File.ReadAllBytes(log.Out("b/context.safetensors")));
        Assert.NotEqual(File.ReadAllBytes(log.Out("a/head.safetensors")), File.ReadAllBytes(log.Out("c/head.safetensors")));
    }

    [Fact]
    public void Train_Metadata_RecordsHashesRangesAndSplit()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 10);

        TrainingMetadata m = Train(log, "m", new TrainingOptions { Epochs = 1, Mode = TrainingMode.Naive });
        var read = MetadataFile.Read(log.Out("m"));

        Assert.Equal(MetadataFile.Sha256(log.ConfigPath), read.ConfigSha256);
        Assert.Equal(MetadataFile.Sha256(log.ProfilePath), read.ProfileSha256);
        Assert.Equal("naive", read.Mode);
        Assert.Equal(m.ValidationStartRunNs, read.ValidationStartRunNs);
        Assert.Equal(0, m.DataStartLogNs);
        Assert.Equal(9_990_000_000, m.DataEndLogNs);
        Assert.Equal(7_992_000_000, m.ValidationStartRunNs); // 999 ticks of 10 ms: the last 20% of 9.99 s
        Assert.Equal(9_990_000_000, m.ValidationEndRunNs);
        Assert.Equal(250_000_000, m.GapNs); // 10 rows x 10 ms + one 100 ms slow period + 50 ms latency
        Assert.Equal(775, m.TrainSamples); // t < 7.742 s
        Assert.Equal(199, m.ValidationSamples); // t >= 7.992 s
    }

    [Fact]
    public void Train_TargetAtRestInTheLastFifth_RefusesNamingTheTargetAndTheBlock()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 10, stillAfter: 7.5);

        var ex = Assert.Throws<UserInputException>(() => Train(log, "x", new TrainingOptions { Epochs = 1 }));

        Assert.Contains("targets[0]: '/syn.y' hardly moves in the validation block 7.992 to 9.990 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ValidationAuto_ValidatesWhereTheTargetMovesAndRecordsTheChoice()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 10, stillAfter: 7.5);

        TrainingMetadata m = Train(log, "a", new TrainingOptions { Epochs = 1, ValidationAuto = true });

        // A 2 s block (a fifth of the log) starting on a whole 100 ms slow period, not the still last fifth.
        Assert.True(m.ValidationStartRunNs < 7_000_000_000, $"{m.ValidationStartRunNs}..{m.ValidationEndRunNs}");
        Assert.Equal(0, m.ValidationStartRunNs % 100_000_000);
        Assert.Equal(1_998_000_000, m.ValidationEndRunNs - m.ValidationStartRunNs);
        Assert.Equal("auto", (string?)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(log.Out("a/training.json")))!["validation_choice"]);
    }

    [Fact]
    public void Train_ValidationAutoWithAWindow_RefusesBoth()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 4);

        var ex = Assert.Throws<UserInputException>(() => Train(log, "x", new TrainingOptions { ValidationAuto = true, ValidationWindow = (1, 2) }));

        Assert.Contains("automatically or give it, not both", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MissingTopic_ErrorListsTheLogsTopics()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 2, targets: "[\"/actuators.y\"]");

        var ex = Assert.ThrowsAny<UserInputException>(() => Train(log, "x", new TrainingOptions { Epochs = 1 }));

        Assert.Contains("targets[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("syn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MissingField_ErrorListsTheTopicsFields()
    {
        SyntheticLog log = SyntheticLog.Create(seconds: 2, targets: "[\"/syn.thrust\"]");

        var ex = Assert.ThrowsAny<UserInputException>(() => Train(log, "x", new TrainingOptions { Epochs = 1 }));

        Assert.Contains("targets[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("thrust", ex.Message, StringComparison.Ordinal);
        Assert.Contains("u", ex.Message, StringComparison.Ordinal);
        Assert.Contains("w", ex.Message, StringComparison.Ordinal);
    }
}
