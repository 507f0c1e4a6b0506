using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MultiRate.Cli.Commands;
using MultiRate.Core.Errors;
using MultiRate.Core.Sensors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Replay;
using MultiRate.Recording.Summaries;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;
using MultiRate.Training;

namespace MultiRate.Cli.Suites;

/// <summary>
/// Runs one case the way <c>multirate replay --json</c> (or <c>replay --weights DIR --targets --json</c>) does:
/// its own run session in virtual time on the log's timestamps, then checks the summary against the case's
/// expectations and, where asked, the actions against a golden recording.
/// </summary>
/// <remarks>
/// Thread-safe: each call builds its own services, modules and source, so cases run side by side. A replay in
/// virtual time costs each compute its declared latency, so a case's summary is the same on any core, in any
/// order, serial or parallel (only the timing fields differ).
/// </remarks>
internal static class CaseRunner
{
    /// <summary>The failure of a case a stop signal cut short or kept from running.</summary>
    public const string Stopped = "stopped by a signal before the case finished";

    /// <summary>Runs <paramref name="c"/> on its already-loaded <paramref name="plan"/> (null for a scoring case).</summary>
    public static CaseResult Run(SuiteCase c, RunPlan? plan, CancellationToken cancellation)
    {
        long started = Stopwatch.GetTimestamp();
        JsonObject? summary = null;
        var failures = new List<string>();
        string? error = null;
        if (cancellation.IsCancellationRequested)
        {
            // A stopped suite is never green: the cases it did not get to fail, saying why.
            return new CaseResult { Index = c.Index, Name = c.Name, Failures = [Stopped] };
        }

        try
        {
            ActionStream? actions = c.ActionsMatch is null ? null : new ActionStream();
            summary = c.Targets ? Score(c, cancellation) : Replay(c, plan!, actions, cancellation);
            foreach (Expectation e in c.Expect)
            {
                if (!e.Path.TryResolve(summary, out JsonNode? actual, out string? missing))
                {
                    error = $"expect '{e.Path.Text}': {missing}";
                    failures.Add(error);
                }
                else if (Expectations.Check(e, actual) is { } failed)
                {
                    failures.Add(failed);
                }
            }

            if (actions is not null)
            {
                failures.AddRange(GoldenActions.Compare(actions, c.ActionsMatch!));
            }

            if (cancellation.IsCancellationRequested)
            {
                failures.Add(Stopped);
            }
        }
        catch (UserInputException ex)
        {
            // A log or weights file that proves bad once read: the suite's input is at fault, not the policy.
            error = ex.Message;
            failures.Add(ex.Message);
        }

        return new CaseResult
        {
            Index = c.Index,
            Name = c.Name,
            Failures = failures,
            Summary = summary,
            Error = error,
            TimeS = Stopwatch.GetElapsedTime(started).TotalSeconds,
        };
    }

    private static JsonObject Replay(SuiteCase c, RunPlan plan, ActionStream? actions, CancellationToken cancellation)
    {
        // A window that starts later than the log is a source cut to the window; otherwise the log is replayed
        // exactly as 'replay --log ... --seconds TO' replays it.
        ReplaySensorSource? window = c.FromS is double from ? Window(c, plan, from) : null;
        var services = new ServiceCollection();
        services.AddSingleton(plan);
        services.AddMultiRate(o =>
        {
            o.ProfilePath = c.Rates;
            o.ConfigPath = c.Config;
            o.LogPath = c.Log;
            o.Mode = ExecutionMode.Virtual;
            o.Duration = c.ToS is double to ? TimeSpan.FromSeconds(to - (c.FromS ?? 0)) : null;
            o.AllowTruncated = c.AllowTruncated;
        });
        if (window is not null)
        {
            services.AddSingleton<ISensorSource>(window);
        }

        if (actions is not null)
        {
            services.AddSingleton<IActuatorSink>(actions);
        }

        using ServiceProvider provider = services.BuildServiceProvider();
        using RunSession session = provider.GetRequiredService<RunSession>();
        RunSummary summary = session.Run(cancellation);
        return RunSummaryJson.ToJsonObject(summary, session.Coverage ?? window?.Coverage);
    }

    /// <summary>The case's log from <paramref name="from"/> seconds after its first sample to <see cref="SuiteCase.ToS"/>.</summary>
    private static ReplaySensorSource Window(SuiteCase c, RunPlan plan, double from)
    {
        string log = c.Log ?? plan.Config.Source ?? throw new UserInputException($"case '{c.Name}': from needs a log (the config's source is the synthetic signal)");
        long startNs;
        using (ISensorLog whole = SensorLogs.Open(log, c.AllowTruncated))
        {
            startNs = ReplaySensorSource.FromLog(whole, plan.Layout.Fields).StartNs
                ?? throw new UserInputException($"{log}: the log has no samples for [{string.Join(", ", plan.Layout.Fields)}]");
        }

        long fromNs = checked(startNs + (long)Math.Round(from * 1e9));
        long? toNs = c.ToS is double to ? checked(startNs + (long)Math.Round(to * 1e9)) : null;
        using ISensorLog cut = SensorLogs.Open(log, c.AllowTruncated);
        ReplaySensorSource source = ReplaySensorSource.FromLog(cut, plan.Layout.Fields, fromNs, toNs);
        return source.StartNs is null
            ? throw new UserInputException($"case '{c.Name}': the log {log} has no samples from {from} s{(c.ToS is double t ? $" to {t} s" : string.Empty)} after its start")
            : source;
    }

    /// <summary>The scores exactly as <c>replay --targets --json</c> prints them (written and read back, like a replay's summary).</summary>
    private static JsonObject Score(SuiteCase c, CancellationToken cancellation)
    {
        JsonObject scores = EvaluateCommand.ToJson(PolicyEvaluator.Evaluate(new EvaluateRequest(c.Weights!, c.Log, c.Config, c.Rates), cancellation));
        return JsonNode.Parse(Core.Json.FiniteJson.ToJsonString(scores))!.AsObject();
    }
}
