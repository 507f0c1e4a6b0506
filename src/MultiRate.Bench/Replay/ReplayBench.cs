using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Replay;

/// <summary>
/// Virtual-time replay of a profile over a log, several times in one process: speed-up over real
/// time and whether the runs' actions are bit-identical (<c>multirate bench replay</c>).
/// </summary>
public static class ReplayBench
{
    /// <summary>Target: log seconds replayed per wall second.</summary>
    public const double SpeedUpTarget = 50;

    /// <summary>Replays <paramref name="runs"/> times and returns the JSON report.</summary>
    /// <param name="ratesPath">The rate profile.</param>
    /// <param name="configPath">The model config.</param>
    /// <param name="logPath">The log to replay.</param>
    /// <param name="runs">How many replays.</param>
    /// <param name="logLabel">The log as the report names it (default: <paramref name="logPath"/>).</param>
    /// <returns>The report (the <c>bench replay --json</c> document).</returns>
    public static JsonObject Measure(string ratesPath, string configPath, string logPath, int runs, string? logLabel = null)
    {
        var list = new JsonArray();
        var hashes = new List<string>();
        double minSpeedUp = double.MaxValue;
        double minEndToEnd = double.MaxValue;
        string profile = "";
        for (int i = 1; i <= runs; i++)
        {
            var total = Stopwatch.StartNew();
            var options = new MultiRateOptions
            {
                ProfilePath = ratesPath,
                ConfigPath = configPath,
                LogPath = logPath,
                Mode = ExecutionMode.Virtual,
            };
            using var session = new RunSession(RunPlan.Load(options), options, new TorchModuleFactory());
            RunSummary s = session.Run();
            total.Stop();
            profile = s.Profile;
            double speedUp = s.DurationSeconds / Math.Max(1e-9, s.WallSeconds);
            double endToEnd = s.DurationSeconds / Math.Max(1e-9, total.Elapsed.TotalSeconds);
            minSpeedUp = Math.Min(minSpeedUp, speedUp);
            minEndToEnd = Math.Min(minEndToEnd, endToEnd);
            hashes.Add(s.ActionsSha256);
            list.Add(new JsonObject
            {
                ["run"] = i,
                ["log_seconds"] = BenchJson.Round(s.DurationSeconds),
                ["wall_s"] = BenchJson.Round(s.WallSeconds),
                ["speedup"] = BenchJson.Round(speedUp, 1),
                ["end_to_end_s"] = BenchJson.Round(total.Elapsed.TotalSeconds),
                ["speedup_end_to_end"] = BenchJson.Round(endToEnd, 1),
                ["actions"] = s.Actions,
                ["actions_sha256"] = s.ActionsSha256,
            });
        }

        bool identical = hashes.Distinct().Count() == 1;
        return new JsonObject
        {
            ["profile"] = profile,
            ["log"] = logLabel ?? logPath,
            ["speedup"] = BenchJson.Round(minSpeedUp, 1),
            ["speedup_end_to_end"] = BenchJson.Round(minEndToEnd, 1),
            ["actions_identical"] = identical,
            ["actions_sha256"] = hashes[0],
            ["target_speedup_min"] = SpeedUpTarget,
            ["pass"] = identical && minSpeedUp >= SpeedUpTarget,
            ["runs"] = list,
            ["method"] = "speedup = log seconds / executor wall seconds (the replay loop); end-to-end adds opening the log, building the modules and the summary; the minimum over the runs is reported",
        };
    }
}
