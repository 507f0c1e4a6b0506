using System.Text.Json.Nodes;
using MultiRate.Bench.Training;
using MultiRate.Core.Errors;

namespace MultiRate.Bench.Tests.Training;

public sealed class TrainingBenchTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "schemas", "bench-training.schema.json")))!.AsObject();

    [Fact]
    public void Run_TinySimulatedTask_ReportsRealTrainingsInTheSchemasShape()
    {
        var options = new TrainingBenchOptions { RepoRoot = RepoRoot.Path, Tasks = ["sim-attitude-50hz"], Seeds = 2, Epochs = 2, SimSeconds = 6 };

        JsonObject report = TrainingBench.Run(options);

        Assert.Empty(JsonSchemaValidator.Errors(Schema, report));
        JsonNode task = Assert.Single(report["tasks"]!.AsArray())!;
        Assert.Equal("sim-attitude", (string)task["name"]!);
        Assert.Equal("sim-attitude-50hz", (string)task["profile"]!);
        Assert.Equal("simulated", (string)task["kind"]!);
        Assert.Equal(["/plant/command.u"], task["targets"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("last", (string)task["validation"]!["choice"]!);
        double start = (double)task["validation"]!["start_s"]!;
        double end = (double)task["validation"]!["end_s"]!;
        Assert.Equal(0.2 * end, end - start, 2); // the last fifth of the simulated log
        foreach (string mode in TrainingBench.Modes)
        {
            JsonNode stats = task["r2"]![mode]!;
            double[] deployed = [.. stats["runs"]!.AsArray().Select(r => (double)r!["deployed_r2"]!)];
            Assert.Equal([1, 2], stats["runs"]!.AsArray().Select(r => (int)r!["seed"]!));
            Assert.NotEqual(deployed[0], deployed[1]); // two seeds, two trainings
            Assert.Equal(deployed.Average(), (double)stats["mean"]!, 3);
            Assert.True((double)stats["lo"]! < (double)stats["mean"]! && (double)stats["mean"]! < (double)stats["hi"]!, stats.ToJsonString());

            // One target: its R^2 is the mean, run by run, and its mean over seeds is the mode's mean.
            Assert.Equal(deployed, stats["runs"]!.AsArray().Select(r => (double)Assert.Single(r!["deployed_r2_targets"]!.AsArray())!));
            Assert.Equal((double)stats["mean"]!, (double)Assert.Single(stats["targets_mean"]!.AsArray())!, 3);
        }

        // Multi-rate-aware training scores on the deployed schedule, so its estimate is the replay's score;
        // the gap is naive's estimate minus its deployed score, seed by seed.
        foreach (JsonNode? run in task["r2"]!["multirate"]!["runs"]!.AsArray())
        {
            Assert.Equal((double)run!["estimate_r2"]!, (double)run["deployed_r2"]!, 3);
        }

        double gap = task["r2"]!["naive"]!["runs"]!.AsArray().Average(r => (double)r!["estimate_r2"]! - (double)r["deployed_r2"]!);
        Assert.Equal(gap, (double)task["naive_estimate_gap"]!, 3);
    }

    [Fact]
    public void Run_RealLogCollectionAbsent_SkipsThatTaskWithANote()
    {
        var options = new TrainingBenchOptions { RepoRoot = RepoRoot.Path, Tasks = ["px4-sitl"], RealLogsDirectory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")) };

        JsonObject report = TrainingBench.Run(options);

        Assert.Empty(JsonSchemaValidator.Errors(Schema, report));
        Assert.Empty(report["tasks"]!.AsArray());
        JsonNode skipped = Assert.Single(report["skipped"]!.AsArray())!;
        Assert.Equal("px4-sitl-position", (string)skipped["name"]!);
        Assert.Contains("not present", (string)skipped["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealLogThatCannotBeRead_SkipsItWithTheReadersMessage()
    {
        string collection = Path.Combine(Path.GetTempPath(), "multirate-bench-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(collection, "px4-ulog-sitl-position"));
        File.WriteAllText(Path.Combine(collection, TrainingBenchTasks.RealPx4Log), "not a ULog file");

        JsonObject report = TrainingBench.Run(new TrainingBenchOptions { RepoRoot = RepoRoot.Path, Tasks = ["px4-sitl"], RealLogsDirectory = collection });

        Assert.Empty(report["tasks"]!.AsArray());
        JsonNode skipped = Assert.Single(report["skipped"]!.AsArray())!;
        Assert.StartsWith("px4-sitl-position", (string)skipped["name"]!, StringComparison.Ordinal);
        Assert.Contains("position.ulg", (string)skipped["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_RealLogCollectionPresent_TheSitlFlightValidatesOnTheBlockTheTrainingChooses()
    {
        string collection = Path.Combine(Path.GetTempPath(), "multirate-bench-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(collection, "px4-ulog-sitl-position"));
        File.WriteAllText(Path.Combine(collection, TrainingBenchTasks.RealPx4Log), "placeholder");

        (List<TrainingBenchTask> tasks, _) = TrainingBenchTasks.Find(new TrainingBenchOptions { RepoRoot = RepoRoot.Path, Tasks = ["px4"], RealLogsDirectory = collection }, "sim.mcap");

        // Its last 20% hardly moves the yaw command; the sample log's manoeuvre is the fixed 4-6 s block.
        Assert.Equal(["px4-sample:window", "px4-sitl-position:auto"], tasks.Select(t => $"{t.Name}:{t.ValidationChoice}"));
    }

    [Fact]
    public void Run_FilterMatchingNoTask_ThrowsUserInputExceptionListingTheTasks()
    {
        var ex = Assert.Throws<UserInputException>(() => TrainingBench.Run(new TrainingBenchOptions { RepoRoot = RepoRoot.Path, Tasks = ["nosuchtask"] }));

        Assert.Contains("px4-sample", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ThreeValues_IsTheMeanPlusMinusStudentsTTimesTheStandardError()
    {
        (double mean, double lo, double hi) = StudentInterval.Of([1.0, 2.0, 3.0]);

        Assert.Equal(2, mean, 12);
        Assert.Equal(2 - (4.303 / Math.Sqrt(3)), lo, 12);
        Assert.Equal(2 + (4.303 / Math.Sqrt(3)), hi, 12);
    }
}
