using System.Net;
using Grpc.AspNetCore.Server;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Remote;
using MultiRate.Remote.Server;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Remote.Tests.Runs;

/// <summary>
/// Runs of the shipped demo with its context computed by a server over loopback, through the public
/// API a composition root uses (a <see cref="RunSession"/> with the remote factory), and the accounting
/// every such run must satisfy.
/// </summary>
internal static class RemoteRuns
{
    public static RateProfile Profile() => RateProfileLoader.Load(Path.Combine(RepoRoot.Path, "rates/default.yaml"));

    public static ModelConfig DefaultConfig() => ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs/default.yaml"));

    /// <summary>configs/remote-context.yaml pointed at <paramref name="url"/>.</summary>
    public static ModelConfig RemoteConfig(Uri url, TimeSpan? timeout = null)
    {
        ModelConfig shipped = ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs/remote-context.yaml"));
        return shipped with { Remote = shipped.Remote! with { Url = url, Timeout = timeout ?? shipped.Remote!.Timeout } };
    }

    /// <summary>A server of the default config's context modules on a free loopback port.</summary>
    public static Task<ContextServer> Serve(Action<GrpcServiceOptions>? grpc = null, ModelConfig? config = null, int port = 0) =>
        ContextServer.StartAsync(Profile(), config ?? DefaultConfig(), new IPEndPoint(IPAddress.Loopback, port), grpc);

    /// <summary>Runs <paramref name="config"/> with the remote factory; <paramref name="started"/> sees the executor before the clock starts.</summary>
    public static RunSummary Run(ModelConfig config, ExecutionMode mode, double seconds, ResilienceOptions? resilience = null, Action<MultiRateExecutor>? started = null, CancellationToken cancellation = default)
    {
        var options = new MultiRateOptions { Mode = mode, Duration = TimeSpan.FromSeconds(seconds), Resilience = resilience };
        using var session = new RunSession(new RunPlan(Profile(), config), options, new TorchModuleFactory(RemoteServiceCollectionExtensions.CreateFactory(mode)));
        if (started is not null)
        {
            session.Started += (_, executor) => started(executor);
        }

        return session.Run(cancellation);
    }

    /// <summary>
    /// The head kept its rate: every period of the action clock (a tick or a skipped period) got an action
    /// or was counted as a period without one, and every fallback carries exactly one counted reason.
    /// </summary>
    /// <remarks>
    /// At least, not exactly: in real time the deadline watchdog may still cover the periods between the
    /// scheduler's last tick and the end of the run, which the scheduler never counted as elapsed.
    /// </remarks>
    public static void AssertEveryPeriodAccounted(RunSummary summary)
    {
        LedgerSnapshot ledger = summary.Ledger!;
        ClockSummary head = summary.Clocks.Single(c => c.Name == "head");
        long periods = head.Ticks + head.SkippedPeriods;
        Assert.True(periods > 0);
        Assert.True(summary.Actions + ledger.Of(LedgerEntry.PeriodWithoutAction, "head") >= periods, Describe(summary));

        // Exactly, per clock: actions (or ticks) + periods without one = periods elapsed, each gap with its reason.
        Assert.All(ClockPeriods.Of(ledger), c => Assert.True(c.Balanced, $"{c.Clock}: {c.Served} served + {c.Gaps} gaps != {c.Elapsed} elapsed; {Describe(summary)}"));
        Assert.Equal(0, ledger.Total(LedgerEntry.PeriodAccountingFault));
        Assert.Equal(summary.Actions, summary.ActionsByKind.Values.Sum());
        long fallbacks = summary.ActionsByKind["hold"] + summary.ActionsByKind["safe"];
        Assert.Equal(fallbacks, LedgerNames.FallbackReasons.Sum(ledger.Total));
    }

    /// <summary>The context clock's ledger, for a failing assertion's message.</summary>
    public static string Describe(RunSummary summary) =>
        string.Join(", ", summary.Ledger!.ByClock["context"].Where(kv => kv.Value != 0).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>What the ledger counted on the context clock.</summary>
    public static long Context(RunSummary summary, LedgerEntry entry) => summary.Ledger!.Of(entry, "context");
}
