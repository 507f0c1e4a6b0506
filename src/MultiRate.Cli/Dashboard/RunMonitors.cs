using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Telemetry;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using Serilog;
using Spectre.Console;

namespace MultiRate.Cli.Dashboard;

/// <summary>
/// Everything that watches a run from outside the clock threads: the dashboard, the rate-limited log
/// summary, the metrics' executor hook and the profile watcher (hot reload). Built before the run,
/// attached in <c>RunSession.Started</c>, stopped after the run.
/// </summary>
internal sealed class RunMonitors : IDisposable
{
    private readonly RunLogging _logging;
    private readonly MetricsObserver? _metrics;
    private readonly string? _watchPath;
    private readonly ILogger _log;
    private ProfileWatcher? _watcher;
    private RunSummaryLogger? _summary;

    /// <summary>Creates the monitors.</summary>
    /// <param name="logging">The run's logger (owned: disposed here, which flushes it).</param>
    /// <param name="console">Where the dashboard draws.</param>
    /// <param name="mode">Live, plain or off.</param>
    /// <param name="verb"><c>run</c> or <c>replay</c>.</param>
    /// <param name="live">The live histograms, or null.</param>
    /// <param name="metrics">The metrics observer to connect to the executor, or null.</param>
    /// <param name="watchPath">The profile file to watch for hot reload, or null for none.</param>
    public RunMonitors(RunLogging logging, IAnsiConsole console, DashboardMode mode, string verb, LiveStats? live, MetricsObserver? metrics, string? watchPath)
    {
        _logging = logging;
        _metrics = metrics;
        _watchPath = watchPath;
        _log = logging.Logger.ForContext<RunMonitors>();
        Dashboard = new LiveDashboard(console, mode, verb, live, () => LastReload);
    }

    /// <summary>The dashboard.</summary>
    public LiveDashboard Dashboard { get; }

    /// <summary>The last hot-reload result (null without a watcher or before the first edit).</summary>
    public ReloadResult? LastReload => _watcher?.LastResult;

    /// <summary>Connects everything to the executor; runs on the thread that raised <c>Started</c>, before the clock starts.</summary>
    public void Attach(MultiRateExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        _metrics?.Attach(executor);
        _log.Information("Run of {Profile} started; hot reload {Watch}", executor.Profile.Name, _watchPath is null ? "off" : "on for " + _watchPath);
        _summary = new RunSummaryLogger(executor, _logging.Logger, _logging.SummaryInterval);
        _summary.Start();
        if (_watchPath is not null)
        {
            try
            {
                _watcher = new ProfileWatcher(_watchPath, executor, _logging.Logger);
                _watcher.Start();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
            {
                // No inotify watch left, an unwatchable folder...: the run goes on without hot reload, and says so.
                _log.Warning("Hot reload is off: cannot watch {Path}: {Reason}", _watchPath, ex.Message);
                _watcher?.Dispose();
                _watcher = null;
            }
        }

        Dashboard.Start(executor);
    }

    /// <summary>Stops the dashboard and the watcher, and logs the last summary lines and the outcome.</summary>
    public void Finish(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Dashboard.Stop();
        _watcher?.Dispose();
        _summary?.Dispose();
        _summary?.LogDeltas();
        _log.Information(
            "Run of {Profile} finished: {Actions} actions in {DurationSeconds} s ({Mode}), sha256 {ActionsSha256}",
            summary.Profile,
            summary.Actions,
            summary.DurationSeconds,
            summary.Mode,
            summary.ActionsSha256);
        if (Dashboard.Error is { } error)
        {
            _log.Warning("The dashboard stopped drawing: {Reason}", error.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dashboard.Dispose();
        _watcher?.Dispose();
        _summary?.Dispose();
        _logging.Dispose();
    }
}
