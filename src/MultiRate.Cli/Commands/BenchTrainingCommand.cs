using System.Text.Json.Nodes;
using MultiRate.Bench.Training;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench training</c>: runs <see cref="TrainingBench"/> from the repository's
/// <c>configs/</c> and <c>rates/</c>, with the real-log collection from <c>../shared/data/real-logs</c>
/// beside the checkout where present, and prints a table or the JSON report.
/// </summary>
internal static class BenchTrainingCommand
{
    private const string RealLogs = "shared/data/real-logs";

    public static int Execute(TrainingBenchArgs a, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        string root = RepoRoot();
        var d = new TrainingBenchOptions { RepoRoot = root };
        var options = d with
        {
            Seeds = a.Seeds ?? d.Seeds,
            Epochs = a.Epochs ?? d.Epochs,
            SimSeconds = a.Seconds ?? d.SimSeconds,
            Tasks = [.. (a.Tasks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            WorkDirectory = a.Out,
            RealLogsDirectory = FindRealLogs(root),
        };
        JsonObject report = TrainingBench.Run(options, a.Json ? null : line => console.WriteLine(line), cancellation);
        if (a.Json)
        {
            Json.Write(stdout, report);
            return 0;
        }

        var table = new Table().AddColumns("task", "profile", "multirate", "naive", "fast_only", "naive_estimate_gap");
        foreach (JsonNode? task in report["tasks"]!.AsArray())
        {
            JsonNode r2 = task!["r2"]!;
            table.AddRow(
                $"{task["name"]}", $"{task["profile"]}", Cell(r2["multirate"]!), Cell(r2["naive"]!), Cell(r2["fast_only"]!), $"{task["naive_estimate_gap"]}");
        }

        console.Write(table);
        foreach (JsonNode? skipped in report["skipped"]!.AsArray())
        {
            console.WriteLine($"skipped {skipped!["name"]}: {skipped["reason"]}");
        }

        console.WriteLine($"deployed mean R^2 over {report["seeds"]} seeds [95% interval], {report["epochs"]} epochs at most, {report["sim_seconds"]} s of simulated log");
        return 0;
    }

    private static string Cell(JsonNode mode) => Markup.Escape($"{mode["mean"]} [{mode["lo"]}, {mode["hi"]}]");

    private static string RepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MultiRate.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    // ../shared beside the checkout; a worktree one level deeper finds it one folder further up.
    private static string? FindRealLogs(string root)
    {
        for (DirectoryInfo? dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RealLogs);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
