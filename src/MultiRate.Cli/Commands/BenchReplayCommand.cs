using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Bench.Replay;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench replay</c>: runs <see cref="ReplayBench"/> (the shipped PX4 profile over the
/// shipped log, by default) and prints its report.
/// </summary>
internal static class BenchReplayCommand
{
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

        string log = a.Log ?? DefaultLog;
        JsonObject r = ReplayBench.Measure(DefaultPaths.Resolve(a.Rates ?? DefaultRates), DefaultPaths.Resolve(a.Config ?? DefaultConfig), DefaultPaths.Resolve(log), runs, log);
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
        console.WriteLine($"min speed-up {r["speedup"]}x (target >= {ReplayBench.SpeedUpTarget}x); actions identical across runs: {r["actions_identical"]}; pass: {r["pass"]}");
        return 0;
    }
}
