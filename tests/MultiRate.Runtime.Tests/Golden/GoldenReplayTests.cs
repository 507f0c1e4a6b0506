using System.Text.Json.Nodes;
using MultiRate.Recording.Summaries;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Runtime.Tests.Golden;

/// <summary>
/// Replays the shipped logs through the whole runtime in virtual time, twice, and compares the
/// summary (the one summary writer's output, in its golden form) with the checked-in golden file.
/// Set MULTIRATE_UPDATE_GOLDEN=1 to rewrite the files after an intended change (then review the
/// diff before committing).
/// </summary>
public class GoldenReplayTests
{
    private static readonly string Root = RepoRoot.Path;

    [Theory]
    [InlineData("px4-replay.json", "rates/px4-attitude-250hz.yaml", "configs/px4-attitude.yaml", "tests/data/px4-ulog-pyulog/sample.ulg")]
    [InlineData("imu-replay.json", "rates/imu-100hz.yaml", "configs/imu-csv.yaml", "tests/data/xio-fusion-imu/sensor_data.csv")]
    public void Replay_ShippedLogTwice_MatchesGoldenSummary(string golden, string profile, string config, string log)
    {
        JsonObject first = GoldenSummary.From(Replay(profile, config, log), profile, config, log);
        JsonObject second = GoldenSummary.From(Replay(profile, config, log), profile, config, log);
        Assert.Equal(GoldenSummary.Text(first), GoldenSummary.Text(second));

        string path = Path.Combine(Root, "tests", "golden", golden);
        if (Environment.GetEnvironmentVariable("MULTIRATE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, GoldenSummary.Text(first));
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with MULTIRATE_UPDATE_GOLDEN=1 to create it");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, GoldenSummary.Text(first));
    }

    private static JsonObject Replay(string profile, string config, string log)
    {
        var options = new MultiRateOptions
        {
            ProfilePath = Path.Combine(Root, profile),
            ConfigPath = Path.Combine(Root, config),
            LogPath = Path.Combine(Root, log),
            Mode = ExecutionMode.Virtual,
        };
        using var session = new RunSession(RunPlan.Load(options), options, new TorchModuleFactory());
        return RunSummaryJson.ToJsonObject(session.Run(), session.Coverage);
    }
}
