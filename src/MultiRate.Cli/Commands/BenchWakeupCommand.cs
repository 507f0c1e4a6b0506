using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Bench.Wakeup;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate bench wakeup</c>: parses, runs <see cref="WakeupBench"/> and prints its report.
/// </summary>
internal static class BenchWakeupCommand
{
    public static int Execute(WakeupBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        double seconds = a.Seconds ?? (a.Quick ? 3 : 10);
        double margin = a.SpinMarginUs ?? 200;
        int? fifo = a.FifoPriority;
        if (!a.Json)
        {
            console.WriteLine($"Running the runtime in real time for {seconds} s on its scheduler, then {seconds} s on Rx Observable.Interval...");
        }

        JsonObject r = WakeupBench.Measure(DefaultPaths.Rates(a.Rates), DefaultPaths.Config(a.Config), TimeSpan.FromSeconds(seconds), TimeSpan.FromMicroseconds(margin), fifo);
        if (a.Json)
        {
            Json.Write(stdout, r);
            return 0;
        }

        var t = new Table().AddColumns("wake-up error (us)", "ticks", "p50", "p99", "p99.9", "max", "deadline misses");
        foreach (string name in new[] { "runtime", "rx_interval" })
        {
            JsonNode n = r[name]!;
            t.AddRow(name, $"{n["ticks"]}", $"{n["wakeup"]!["p50_us"]}", $"{n["wakeup"]!["p99_us"]}", $"{n["wakeup"]!["p999_us"]}", $"{n["wakeup"]!["max_us"]}", $"{n["deadline_misses"]} ({n["miss_rate"]})");
        }

        console.Write(t);
        console.WriteLine($"p99 ratio (Rx / runtime): {r["p99_ratio"]}x; pass: {r["pass"]!.ToJsonString()}");
        JsonNode rt = r["runtime"]!;
        if (rt["host_steal"]!["available"]!.GetValue<bool>())
        {
            console.WriteLine($"host steal during the runtime's run: {rt["host_steal"]!["ms"]} ms in {rt["host_steal"]!["intervals_with_steal"]} of its 50 ms intervals; misses then: {rt["misses_during_host_steal"]}, otherwise: {rt["misses_outside_host_steal"]} ({rt["miss_rate_outside_host_steal"]})");
        }
        return 0;
    }
}
