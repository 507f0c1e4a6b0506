using Microsoft.Extensions.DependencyInjection;
using MultiRate.Cli.Infrastructure;
using MultiRate.Cli.Output;
using MultiRate.Hosting.Composition;
using MultiRate.Hosting.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate run</c> (real time) and <c>multirate replay</c> (virtual time, or <c>--pace realtime</c>).</summary>
internal static class RunCommand
{
    private static readonly string[] Flags = ["json"];
    private static readonly string[] Valued = ["rates", "config", "log", "seconds", "pace", "spin-margin-us"];

    public static int Execute(string name, IReadOnlyList<string> args, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        CliArgs a = CliArgs.Parse(name, args, Flags, Valued);
        if (a.Positionals.Count > 0)
        {
            throw new Core.Errors.UserInputException($"multirate {name}: unexpected argument '{a.Positionals[0]}'");
        }

        ExecutionMode mode = name == "run" ? ExecutionMode.RealTime : ExecutionMode.Virtual;
        string? pace = a.Get("pace");
        if (pace is not null)
        {
            mode = pace switch
            {
                "realtime" => ExecutionMode.RealTime,
                "virtual" or "fast" => ExecutionMode.Virtual,
                _ => throw new Core.Errors.UserInputException($"multirate {name}: --pace '{pace}': expected realtime or virtual"),
            };
        }

        double? seconds = a.GetDouble("seconds", 0.001, 1e7);
        double? margin = a.GetDouble("spin-margin-us", 0, 100_000);
        var services = new ServiceCollection();
        services.AddMultiRate(o =>
        {
            o.ProfilePath = DefaultPaths.Resolve(a.Get("rates") ?? "rates/default.yaml");
            o.ConfigPath = DefaultPaths.Resolve(a.Get("config") ?? "configs/default.yaml");
            o.LogPath = a.Get("log");
            o.Mode = mode;
            o.Duration = seconds is double s ? TimeSpan.FromSeconds(s) : null;
            if (margin is double m)
            {
                o.SpinMargin = TimeSpan.FromMicroseconds(m);
            }
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        using RunSession session = provider.GetRequiredService<RunSession>();
        if (session.DeviceNote is string note)
        {
            Console.Error.WriteLine(note);
        }

        RunSummary summary = session.Run(cancellation);
        if (a.Has("json"))
        {
            Json.Write(stdout, SummaryJson.From(summary));
        }
        else
        {
            SummaryTable.Write(console, summary);
        }

        return 0;
    }
}
