using System.Globalization;
using System.Text.Json.Nodes;
using HdrHistogram;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench scheduler|models [--json]</c>.</summary>
internal static class BenchCommand
{
    public static int Execute(IReadOnlyList<string> args, TextWriter stdout, IAnsiConsole console)
    {
        // Performance benches (issue #7) parse their own options.
        switch (args.Count > 0 ? args[0] : null)
        {
            case "overhead": return BenchOverheadCommand.Execute(args.Skip(1).ToList(), stdout, console);
            case "wakeup": return BenchWakeupCommand.Execute(args.Skip(1).ToList(), stdout, console);
            case "replay": return BenchReplayCommand.Execute(args.Skip(1).ToList(), stdout, console);
            case "all": return BenchAllCommand.Execute(args.Skip(1).ToList(), stdout, console);
            case "profile": return ProfileBenchCommand.Execute(args.Skip(1).ToList(), stdout);
            case "logs": return LogsBenchCommand.Execute(args.Skip(1).ToList(), stdout, console);
        }

        CliArgs a = CliArgs.Parse("bench", args, ["json", "quick"], ["seconds", "hz", "spin-margin-us"]);
        string what = a.SinglePositional("benchmark name (scheduler or models)", required: true)!;
        return what switch
        {
            "scheduler" => Scheduler(a, stdout, console),
            "models" => ModelsBenchCommand.Execute(a, stdout, console),
            _ => throw new UserInputException($"multirate bench: unknown benchmark '{what}'; expected scheduler or models"),
        };
    }

    private static int Scheduler(CliArgs a, TextWriter stdout, IAnsiConsole console)
    {
        double hz = a.GetDouble("hz", 1, 10_000) ?? 1000;
        double seconds = a.GetDouble("seconds", 0.1, 3600) ?? 5;
        double margin = a.GetDouble("spin-margin-us", 0, 100_000) ?? 200;
        if (!a.Has("json"))
        {
            console.MarkupLine($"Measuring wake-up error at {hz} Hz for {seconds} s each: runtime scheduler, then Rx Observable.Interval on an EventLoopScheduler...");
        }

        var (runtime, rx, skipped) = SchedulerBench.Run(TimeSpan.FromSeconds(1 / hz), TimeSpan.FromSeconds(seconds), TimeSpan.FromMicroseconds(margin));
        double ratio = P(rx, 99) / Math.Max(0.001, P(runtime, 99));
        if (a.Has("json"))
        {
            Json.Write(stdout, new JsonObject
            {
                ["hz"] = hz,
                ["seconds_each"] = seconds,
                ["spin_margin_us"] = margin,
                ["runtime"] = Stats(runtime, skipped),
                ["rx_interval"] = Stats(rx, null),
                ["p99_ratio"] = Json.Round(ratio, 1),
            });
            return 0;
        }

        var table = new Table().AddColumns("wake-up error (us)", "samples", "p50", "p99", "p99.9", "max");
        table.AddRow("MultiRate real-time scheduler", runtime.TotalCount.ToString(CultureInfo.InvariantCulture), F(P(runtime, 50)), F(P(runtime, 99)), F(P(runtime, 99.9)), F(runtime.GetMaxValue() / 1e3));
        table.AddRow("Rx Observable.Interval (EventLoopScheduler)", rx.TotalCount.ToString(CultureInfo.InvariantCulture), F(P(rx, 50)), F(P(rx, 99)), F(P(rx, 99.9)), F(rx.GetMaxValue() / 1e3));
        console.Write(table);
        console.WriteLine($"p99 ratio (Rx / runtime): {ratio.ToString("0.0", CultureInfo.InvariantCulture)}x; runtime skipped periods: {skipped}");
        return 0;
    }

    private static JsonObject Stats(LongHistogram h, long? skipped)
    {
        var o = new JsonObject
        {
            ["samples"] = h.TotalCount,
            ["p50_us"] = Json.Round(P(h, 50)),
            ["p99_us"] = Json.Round(P(h, 99)),
            ["p999_us"] = Json.Round(P(h, 99.9)),
            ["max_us"] = Json.Round(h.GetMaxValue() / 1e3),
        };
        if (skipped is long s)
        {
            o["skipped_periods"] = s;
        }

        return o;
    }

    private static double P(LongHistogram h, double p) => h.GetValueAtPercentile(p) / 1e3;

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
