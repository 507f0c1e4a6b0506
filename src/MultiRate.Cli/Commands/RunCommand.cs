using Microsoft.Extensions.DependencyInjection;
using MultiRate.Cli.Dashboard;
using MultiRate.Cli.Infrastructure;
using MultiRate.Cli.Output;
using MultiRate.Runtime.Composition;
using MultiRate.Hosting.Faults;
using MultiRate.Recording;
using MultiRate.Recording.Summaries;
using MultiRate.Runtime.Running;
using MultiRate.Hosting.Telemetry;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate run</c> (real time) and <c>multirate replay</c> (virtual time, or <c>--pace realtime</c>).</summary>
/// <remarks>
/// While the clocks run: a live dashboard (terminal) or a plain line per second (redirected), none with
/// <c>--json</c> or <c>--no-dashboard</c>; Serilog from <c>configs/logging.json</c> (<c>--log-config</c>);
/// metrics on the <c>MultiRate</c> meter; and, in real time, hot reload of the profile's budgets and
/// policies when its file is saved (<c>--no-watch</c> turns it off).
/// </remarks>
internal static class RunCommand
{
    private static readonly string[] Flags = ["json", "no-dashboard", "no-watch", "allow-truncated"];
    private static readonly string[] Valued = ["rates", "config", "log", "seconds", "pace", "spin-margin-us", "log-config", "record", "fifo-priority"];

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
        int? fifo = FifoPriority(name, a.Get("fifo-priority"));
        string profilePath = DefaultPaths.Resolve(a.Get("rates") ?? "rates/default.yaml");
        string configPath = DefaultPaths.Resolve(a.Get("config") ?? "configs/default.yaml");

        // Loaded once here: the recorder, the telemetry and the session all use this plan.
        RunPlan plan = RunPlan.Load(profilePath, configPath);
        var services = new ServiceCollection();
        services.AddSingleton(plan);
        services.AddMultiRate(o =>
        {
            o.ProfilePath = profilePath;
            o.ConfigPath = configPath;
            o.LogPath = a.Get("log");
            o.Mode = mode;
            o.Duration = seconds is double s ? TimeSpan.FromSeconds(s) : null;
            o.AllowTruncated = a.Has("allow-truncated");
            o.FifoPriority = fifo;
            if (margin is double m)
            {
                o.SpinMargin = TimeSpan.FromMicroseconds(m);
            }
        });
        services.AddMultiRateTelemetry();

        // Logging and the recorder exist before the session, because the session takes its observers at construction.
        bool json = a.Has("json");
        RunLogging logging = OpenLogging(a.Get("log-config"));
        using var faultLog = new FaultBurstLogger(logging.Logger);
        services.AddSingleton<IRunObserver>(faultLog);
        using McapRunRecorder? recorder = a.Get("record") is string recordPath
            ? McapRunRecorder.Create(
                recordPath,
                plan.Profile,
                mode == ExecutionMode.Virtual ? new RecorderOptions { BlockWhenFull = true } : RecorderOptions.ForRealTime(),
                inputs: [profilePath, configPath, a.Get("log"), plan.Config.Source, a.Get("log-config")])
            : null;
        if (recorder is not null)
        {
            services.AddSingleton<IRunObserver>(recorder);
        }

        using ServiceProvider provider = services.BuildServiceProvider();
        using RunSession session = provider.GetRequiredService<RunSession>();
        if (session.DeviceNote is string note)
        {
            Console.Error.WriteLine(note);
        }

        session.PlacementRefused += (_, why) => Console.Error.WriteLine($"warning: {why}; running with normal scheduling");

        // Hot reload only in real time: a virtual-time replay runs faster than anyone edits, and must stay deterministic.
        string? watch = mode == ExecutionMode.RealTime && !a.Has("no-watch") ? profilePath : null;
        DashboardMode dashboard = DashboardModes.Choose(json, a.Has("no-dashboard"), console);
        using var monitors = new RunMonitors(
            logging,
            console,
            dashboard,
            name,
            provider.GetRequiredService<LiveStats>(),
            provider.GetRequiredService<MetricsObserver>(),
            watch);
        session.Started += (_, executor) =>
        {
            if (recorder is not null && mode == ExecutionMode.Virtual)
            {
                // Replays are recorded on the log's own timeline, so the recording lines up with the log in Foxglove.
                recorder.SetLogTimeOffset(session.SensorStartNs ?? 0);
            }

            monitors.Attach(executor);
        };

        RunSummary summary = session.Run(cancellation);
        monitors.Finish(summary);
        faultLog.Flush();
        Core.Errors.UserInputException? recordingFailed = null;
        if (recorder is not null)
        {
            // Dispose drains the ring and writes summary, indexes and footer: the file is complete once this returns.
            recorder.RecordSummary(summary, session.Coverage);
            try
            {
                recorder.Dispose();
                string dropped = recorder.Dropped == 0 ? string.Empty : $" ({recorder.Dropped} events dropped: the writer fell behind)";
                Console.Error.WriteLine($"recorded {recorder.Messages} messages to {recorder.Path}{dropped}");
            }
            catch (Core.Errors.UserInputException ex)
            {
                // A full disk loses the recording, not the run's figures: the summary is still printed, then exit 2.
                recordingFailed = ex;
            }
        }

        if (json)
        {
            Json.Write(stdout, RunSummaryJson.ToJsonObject(summary, session.Coverage));
        }
        else
        {
            SummaryTable.Write(console, summary, session.Coverage);
        }

        return recordingFailed is null ? 0 : throw recordingFailed;
    }

    /// <summary><c>--fifo-priority N</c>: SCHED_FIFO priority 1..99 for the real-time threads, or null when absent.</summary>
    internal static int? FifoPriority(string command, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) || p < 1 || p > 99)
        {
            throw new Core.Errors.UserInputException($"multirate {command}: --fifo-priority '{value}': expected a whole number from 1 to 99 (SCHED_FIFO priority; needs CAP_SYS_NICE)");
        }

        return p;
    }

    /// <summary>The <c>--log-config</c> file (it must exist), else the shipped one, else warnings on stderr only.</summary>
    private static RunLogging OpenLogging(string? path)
    {
        if (path is not null)
        {
            return LoggingConfiguration.Load(path);
        }

        string shipped = DefaultPaths.Resolve(LoggingConfiguration.DefaultPath);
        return File.Exists(shipped)
            ? LoggingConfiguration.Load(shipped)
            : LoggingConfiguration.WarningsToStandardError();
    }
}
