using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Bench.Diagnostics;
using MultiRate.Bench.Overhead;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench overhead</c>: parses, runs <see cref="OverheadBench"/> and prints its report
/// (a table, or the JSON document with <c>--json</c>).
/// </summary>
internal static class BenchOverheadCommand
{
    public static int Execute(OverheadBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        bool quick = a.Quick;
        var options = new TickLoopOptions
        {
            Blocks = a.Blocks ?? (quick ? 6 : 20),
            TicksPerBlock = a.TicksPerBlock ?? (quick ? 2_000 : 10_000),
            // Long enough (about 0.5 s a side) for tiered compilation to finish promoting both loops before timing.
            WarmUpTicks = 100_000,
        };
        if (!a.Json)
        {
            console.WriteLine($"Timing {options.Blocks} x {options.TicksPerBlock} ticks each of a bare head loop and the runtime's fast tick, interleaved...");
        }

        JsonObject result = OverheadBench.Measure(DefaultPaths.Rates(a.Rates), DefaultPaths.Config(a.Config), options, a.Breakdown);
        if (a.Json)
        {
            Json.Write(stdout, result);
            return 0;
        }

        var table = new Table().AddColumns("per tick (us)", "p50", "p90", "p99", "p99.9", "max");
        table.AddRow("bare head.Act loop", F(result["bare_p50_us"]), F(result["bare"]!["p90_us"]), F(result["bare_p99_us"]), F(result["bare"]!["p999_us"]), F(result["bare"]!["max_us"]));
        table.AddRow("runtime fast tick (Tick(k))", F(result["runtime_p50_us"]), F(result["runtime"]!["p90_us"]), F(result["runtime_p99_us"]), F(result["runtime"]!["p999_us"]), F(result["runtime"]!["max_us"]));
        console.Write(table);
        if (result["breakdown"] is JsonNode parts)
        {
            console.WriteLine($"breakdown (p50 us per part): {parts.ToJsonString()}");
        }

        console.WriteLine($"p50 ratio {F(result["ratio"])} (target <= {OverheadBench.RatioTarget}), overhead {F(result["overhead_us"])} us (target <= {OverheadBench.OverheadTargetUs}); pass: {result["pass"]}");
        return 0;
    }

    private static string F(JsonNode? v) => v is null ? "-" : ((double)v).ToString("0.000", CultureInfo.InvariantCulture);
}
