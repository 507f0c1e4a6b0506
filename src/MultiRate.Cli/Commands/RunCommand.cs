using Microsoft.Extensions.DependencyInjection;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Dashboard;
using MultiRate.Cli.Infrastructure;
using MultiRate.Cli.Output;
using MultiRate.Runtime.Composition;
using MultiRate.Hosting.Faults;
using MultiRate.Live;
using MultiRate.Recording;
using MultiRate.Recording.Summaries;
using MultiRate.Remote;
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
    public static int Execute(RunArgs a, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        string name = a.Command;
        ExecutionMode mode = name == "run" ? ExecutionMode.RealTime : ExecutionMode.Virtual;
        if (a.Pace is string pace)
        {
            mode = pace == "realtime" ? ExecutionMode.RealTime : ExecutionMode.Virtual;
        }

        double? seconds = a.Seconds;
        double? margin = a.SpinMarginUs;
        int? fifo = FifoPriority(a, mode);
        string profilePath = DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml");
        string configPath = DefaultPaths.Resolve(a.Config ?? "configs/default.yaml");

        // Loaded once here: the recorder, the telemetry and the run session all use this plan.
        RunPlan plan = RunPlan.Load(profilePath, configPath);
        var services = new ServiceCollection();
        services.AddSingleton(plan);

        // Listening first: a port in use is refused before anything (a recording) is created.
        using LiveServer? live = a.Live is string liveAt ? LiveServer.Start(plan.Profile, LiveEndpoint.Parse(liveAt)) : null;
        if (live is not null)
        {
            services.AddSingleton(live.Observer);
            Console.Error.WriteLine($"live: serving {live.Address} (Foxglove WebSocket protocol; parameters {string.Join(", ", live.ParameterNames)})");
        }
        services.AddMultiRate(o =>
        {
            o.ProfilePath = profilePath;
            o.ConfigPath = configPath;
            o.LogPath = a.Log;
            o.Mode = mode;
            o.Duration = seconds is double s ? TimeSpan.FromSeconds(s) : null;
            o.AllowTruncated = a.AllowTruncated;
            o.LogReading = a.LogReading;
            o.FifoPriority = fifo;
            if (margin is double m)
            {
                o.SpinMargin = TimeSpan.FromMicroseconds(m);
            }
        });
        services.AddMultiRateTelemetry();

        // A config's remote section: its context module is a client of an inference server.
        services.AddMultiRateRemote();

        // Logging and the recorder exist before the run session, because it takes its observers at construction.
        bool json = a.Json;
        RunLogging logging = OpenLogging(a.LogConfig);
        using var faultLog = new FaultBurstLogger(logging.Logger);
        services.AddSingleton<IRunObserver>(faultLog);
        using McapRunRecorder? recorder = a.Record is string recordPath
            ? McapRunRecorder.Create(
                recordPath,
                plan.Profile,
                mode == ExecutionMode.Virtual ? new RecorderOptions { BlockWhenFull = true } : RecorderOptions.ForRealTime(),
                inputs: [profilePath, configPath, a.Log, plan.Config.Source, a.LogConfig])
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
        string? watch = mode == ExecutionMode.RealTime && !a.NoWatch ? profilePath : null;
        DashboardMode dashboard = DashboardModes.Choose(json, a.NoDashboard, console);
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
            if (mode == ExecutionMode.RealTime)
            {
                // Budgets as live parameters: real time only, as hot reload (a replay stays deterministic).
                live?.Attach(executor);
            }
        };

        RunSummary summary = session.Run(cancellation);
        monitors.Finish(summary);
        faultLog.Flush();
        if (live is not null)
        {
            live.Finish(summary, session.Coverage);
            Console.Error.WriteLine($"live: {live.Connections} clients connected; {live.ClientDropped} messages dropped for clients that fell behind (each was told), {live.RingDropped} by the sender");
        }
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

    /// <summary>
    /// The SCHED_FIFO priority to ask for: in real time <see cref="DefaultFifoPriority"/> unless
    /// <c>--fifo-priority</c> says otherwise (0: none) or <c>--no-realtime</c> is given, as ros2_control's
    /// node asks for its own; where the OS refuses, the run goes on with normal scheduling and says so.
    /// </summary>
    internal static int? FifoPriority(RunArgs a, ExecutionMode mode)
    {
        if (mode != ExecutionMode.RealTime || a.NoRealtime)
        {
            return null;
        }

        int priority = a.FifoPriority ?? DefaultFifoPriority;
        return priority == 0 ? null : priority;
    }

    /// <summary>The SCHED_FIFO priority <c>run</c> asks for by default (the one the performance figures were measured at).</summary>
    internal const int DefaultFifoPriority = 80;

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
