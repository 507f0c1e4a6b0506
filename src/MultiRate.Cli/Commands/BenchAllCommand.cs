using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Files;
using MultiRate.Scheduling.Diagnostics;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench all [--json] [--out FILE] [--quick] [--seconds N]</c>: every performance figure
/// (overhead, wake-up, replay) and the quick scheduler and models benches, in one JSON document.
/// </summary>
internal static class BenchAllCommand
{
    /// <summary>The profile, config and log of the replay benchmark.</summary>
    private static readonly string[] ReplayInputs = ["rates/px4-attitude-250hz.yaml", "configs/px4-attitude.yaml", "tests/data/px4-ulog-pyulog/sample.ulg"];

    public static int Execute(BenchAllArgs a, TextWriter stdout, IAnsiConsole console)
    {
        bool quick = a.Quick;
        string? outPath = a.Out;
        string? outDir = outPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (outDir is not null && !Directory.Exists(outDir))
        {
            // Checked before minutes of measuring, not after.
            throw new Core.Errors.UserInputException($"multirate bench all: --out '{outPath}': the folder {outDir} does not exist");
        }

        // Reserved (not an input, writable, not in use) before minutes of measuring, written at the end.
        using OutputFile? output = outPath is null ? null : OutputFile.Reserve(outPath, [.. ReplayInputs.Select(DefaultPaths.Resolve)], "multirate bench all: --out");
        double seconds = a.Seconds ?? (quick ? 2 : 10);
        void Say(string what)
        {
            if (!a.Json)
            {
                console.WriteLine(what);
            }
        }

        var doc = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["cpus"] = Environment.ProcessorCount,
                ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            },
            ["started_utc"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        Say("overhead...");
        doc["overhead"] = BenchOverheadCommand.Measure(null, null, quick
            ? new TickLoopOptions { Blocks = 6, TicksPerBlock = 2_000, WarmUpTicks = 2_000 }
            : new TickLoopOptions { Blocks = 20, TicksPerBlock = 10_000, WarmUpTicks = 10_000 });
        Say("wake-up...");
        doc["wakeup"] = BenchWakeupCommand.Measure(null, null, TimeSpan.FromSeconds(seconds), TimeSpan.FromMicroseconds(200));
        Say("replay...");
        doc["replay"] = BenchReplayCommand.Measure(ReplayInputs[0], ReplayInputs[1], ReplayInputs[2], 2);
        Say("scheduler (quick)...");
        doc["scheduler"] = Captured((w, c) => BenchCommand.Scheduler(new SchedulerBenchArgs { Seconds = quick ? 1 : 3, Json = true }, w, c), console);
        Say("models (quick)...");
        doc["models"] = Captured((w, c) => ModelsBenchCommand.Execute(new ModelsBenchArgs { Quick = true, Json = true }, w, c), console);
        doc["finished_utc"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        if (output is not null)
        {
            try
            {
                File.WriteAllText(output.WritePath, Json.Indented(doc) + Environment.NewLine);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw output.Failed(ex);
            }

            output.Commit();
            Say($"wrote {output.Path}");
        }

        if (a.Json)
        {
            Json.Write(stdout, doc);
        }
        else
        {
            console.WriteLine(Json.Indented(doc));
        }

        return 0;
    }

    /// <summary>Runs an existing bench sub-command with <c>--json</c> and parses what it printed.</summary>
    private static JsonNode? Captured(Func<TextWriter, IAnsiConsole, int> bench, IAnsiConsole console)
    {
        using var output = new StringWriter();
        int code = bench(output, console);
        return code == 0 ? JsonNode.Parse(output.ToString()) : new JsonObject { ["exit_code"] = code };
    }
}
