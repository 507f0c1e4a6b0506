using System.Text.Json.Nodes;
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
    public static int Execute(IReadOnlyList<string> args, TextWriter stdout, IAnsiConsole console)
    {
        CliArgs a = CliArgs.Parse("soak", args, ["json"], ["virtual-ticks", "realtime-seconds", "rates", "config"]);
        if (a.Positionals.Count > 0)
        {
            throw new Core.Errors.UserInputException($"multirate soak: unexpected argument '{a.Positionals[0]}'");
        }

        long ticks = (long)(a.GetDouble("virtual-ticks", 0, 1e10) ?? 10_000_000);
        double seconds = a.GetDouble("realtime-seconds", 0, 86_400 * 7) ?? 600;
        var doc = new JsonObject();
        if (ticks > 0)
        {
            Say(a, console, $"soak: {ticks:N0} fast ticks in virtual time...");
            doc["virtual"] = SoakRun.Run(a.Get("rates"), a.Get("config"), ExecutionMode.Virtual, ticks, TimeSpan.Zero);
        }

        if (seconds > 0)
        {
            Say(a, console, $"soak: {seconds} s in real time...");
            doc["realtime"] = SoakRun.Run(a.Get("rates"), a.Get("config"), ExecutionMode.RealTime, 0, TimeSpan.FromSeconds(seconds));
        }

        if (a.Has("json"))
        {
            Json.Write(stdout, doc);
        }
        else
        {
            console.WriteLine(Json.Indented(doc));
        }

        return 0;
    }

    private static void Say(CliArgs a, IAnsiConsole console, string text)
    {
        if (!a.Has("json"))
        {
            console.WriteLine(text);
        }
    }
}
