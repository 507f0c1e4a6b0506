using System.Text.Json.Nodes;
using MultiRate.Bench.Soak;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Scheduling.Executor;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate soak [--virtual-ticks N] [--realtime-seconds S] [--json]</c>: 10^7 fast ticks in
/// virtual time and a 10-minute real-time run of the shipped runtime by default; memory, GC and
/// native tensor counts at start and end of each (0 skips a part).
/// </summary>
internal static class SoakCommand
{
    public static int Execute(SoakArgs a, TextWriter stdout, IAnsiConsole console)
    {
        long ticks = a.VirtualTicks ?? 10_000_000;
        double seconds = a.RealtimeSeconds ?? 600;
        var doc = new JsonObject();
        if (ticks > 0)
        {
            Say(a, console, $"soak: {ticks:N0} fast ticks in virtual time...");
            doc["virtual"] = SoakRun.Run(DefaultPaths.Rates(a.Rates), DefaultPaths.Config(a.Config), ExecutionMode.Virtual, ticks, TimeSpan.Zero);
        }

        if (seconds > 0)
        {
            Say(a, console, $"soak: {seconds} s in real time...");
            doc["realtime"] = SoakRun.Run(DefaultPaths.Rates(a.Rates), DefaultPaths.Config(a.Config), ExecutionMode.RealTime, 0, TimeSpan.FromSeconds(seconds));
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

    private static void Say(SoakArgs a, IAnsiConsole console, string text)
    {
        if (!a.Json)
        {
            console.WriteLine(text);
        }
    }
}
