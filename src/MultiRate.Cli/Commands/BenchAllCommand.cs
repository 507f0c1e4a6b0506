using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Files;
using MultiRate.Bench.Suite;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench all [--json] [--out FILE] [--quick] [--seconds N]</c>: runs <see cref="BenchSuite"/>
/// (every performance figure in one JSON document), writes it to <c>--out</c> and prints it.
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

        JsonObject doc = BenchSuite.Run(new BenchSuiteInputs(DefaultPaths.Rates(null), DefaultPaths.Config(null), DefaultPaths.Resolve(ReplayInputs[0]), DefaultPaths.Resolve(ReplayInputs[1]), DefaultPaths.Resolve(ReplayInputs[2]), ReplayInputs[2]), quick, seconds, Say);

        if (output is not null)
        {
            output.WriteAndCommit(path => File.WriteAllText(path, Json.Indented(doc) + Environment.NewLine));
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
}
