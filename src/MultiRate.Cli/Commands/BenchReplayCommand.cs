using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench replay</c>: virtual-time replay of the shipped PX4 profile over the shipped log,
/// twice in one process; speed-up over real time and whether the two runs' actions are bit-identical.
/// </summary>
internal static class BenchReplayCommand
{
    /// <summary>Target: log seconds replayed per wall second.</summary>
    public const double SpeedUpTarget = 50;

    private const string DefaultRates = "rates/px4-attitude-250hz.yaml";
    private const string DefaultConfig = "configs/px4-attitude.yaml";
    private const string DefaultLog = "tests/data/px4-ulog-pyulog/sample.ulg";

    public static int Execute(ReplayBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        int runs = a.Runs ?? 2;
        if (!a.Json)
        {
            console.WriteLine($"Replaying {a.Log ?? DefaultLog} in virtual time, {runs} runs...");
        }

        JsonObject r = Measure(a.Rates ?? DefaultRates, a.Config ?? DefaultConfig, a.Log ?? DefaultLog, runs);
        if (a.Json)
        {
            Json.Write(stdout, r);
            return 0;
        }

        var t = new Table().AddColumns("run", "log s", "replay wall s", "speed-up", "end-to-end s", "speed-up incl. load", "actions_sha256");
        foreach (JsonNode? run in r["runs"]!.AsArray())
        {
            t.AddRow($"{run!["run"]}", $"{run["log_seconds"]}", $"{run["wall_s"]}", $"{run["speedup"]}x", $"{run["end_to_end_s"]}", $"{run["speedup_end_to_end"]}x", $"{run["actions_sha256"]}");
        }

        console.Write(t);
        console.WriteLine($"min speed-up {r["speedup"]}x (target >= {SpeedUpTarget}x); actions identical across runs: {r["actions_identical"]}; pass: {r["pass"]}");
        return 0;
    }

    /// <summary>Replays <paramref name="runs"/> times and returns the JSON report.</summary>
    public static JsonObject Measure(string rates, string config, string log, int runs)
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
                ProfilePath = DefaultPaths.Resolve(rates),
                ConfigPath = DefaultPaths.Resolve(config),
                LogPath = DefaultPaths.Resolve(log),
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
                ["log_seconds"] = Json.Round(s.DurationSeconds),
                ["wall_s"] = Json.Round(s.WallSeconds),
                ["speedup"] = Json.Round(speedUp, 1),
                ["end_to_end_s"] = Json.Round(total.Elapsed.TotalSeconds),
                ["speedup_end_to_end"] = Json.Round(endToEnd, 1),
                ["actions"] = s.Actions,
                ["actions_sha256"] = s.ActionsSha256,
            });
        }

        bool identical = hashes.Distinct().Count() == 1;
        return new JsonObject
        {
            ["profile"] = profile,
            ["log"] = log,
            ["speedup"] = Json.Round(minSpeedUp, 1),
            ["speedup_end_to_end"] = Json.Round(minEndToEnd, 1),
            ["actions_identical"] = identical,
            ["actions_sha256"] = hashes[0],
            ["target_speedup_min"] = SpeedUpTarget,
            ["pass"] = identical && minSpeedUp >= SpeedUpTarget,
            ["runs"] = list,
            ["method"] = "speedup = log seconds / executor wall seconds (the replay loop); end-to-end adds opening the log, building the modules and the summary; the minimum over the runs is reported",
        };
    }
}
