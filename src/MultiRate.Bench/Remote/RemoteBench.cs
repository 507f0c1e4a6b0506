using System.Diagnostics;
using System.Net;
using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Remote;
using MultiRate.Remote.Server;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Bench.Remote;

/// <summary>
/// <c>bench remote</c>: the context module computed in-process beside the same module served over
/// loopback (Open Inference Protocol, gRPC, HTTP/2 cleartext, a server in this process).
/// </summary>
/// <remarks>
/// Method: (1) round trip: the given number of updates per side on the same inputs, interleaved
/// (ABAB) so machine load hits both alike, each timed with <see cref="Stopwatch"/>; (2) latent age:
/// one real-time run per side of the profile and config, in-process first, reading the head's latent
/// age p50/p99 from the run summary. The server hosts the same modules an in-process run builds.
/// </remarks>
public static class RemoteBench
{
    /// <summary>Measures both sides.</summary>
    /// <param name="plan">Profile and config (an in-process config: its context module is the one served).</param>
    /// <param name="updates">Updates per side for the round trip.</param>
    /// <param name="runSeconds">Seconds of each real-time run (0 skips the runs).</param>
    public static async Task<IReadOnlyList<RemoteBenchResult>> MeasureAsync(RunPlan plan, int updates, double runSeconds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ModelConfig local = plan.Config with { Remote = null };
        string module = plan.Config.Remote?.Module ?? "context";
        await using ContextServer server = await ContextServer.StartAsync(plan.Profile, local, new IPEndPoint(IPAddress.Loopback, 0)).ConfigureAwait(false);
        ModelConfig remote = local with
        {
            Remote = new RemoteModelConfig { Url = server.Address, Model = module, Module = module, Timeout = TimeSpan.FromSeconds(5) },
        };

        (double[] inProcessUs, double[] loopbackUs) = RoundTrips(plan.Profile, local, remote, module, updates);
        RunSummary? inProcessRun = runSeconds > 0 ? Run(plan.Profile, local, runSeconds) : null;
        RunSummary? loopbackRun = runSeconds > 0 ? Run(plan.Profile, remote with { Remote = remote.Remote! with { Timeout = null } }, runSeconds) : null;
        return [Result("in-process", inProcessUs, inProcessRun, plan.Profile, module), Result("loopback", loopbackUs, loopbackRun, plan.Profile, module)];
    }

    private static (double[] InProcess, double[] Loopback) RoundTrips(RateProfile profile, ModelConfig local, ModelConfig remote, string module, int updates)
    {
        using PolicyModules a = new TorchModuleFactory().Create(profile, local);
        using PolicyModules b = new TorchModuleFactory(RemoteServiceCollectionExtensions.CreateFactory(ExecutionMode.RealTime)).Create(profile, remote);
        IContextModule inProcess = a.Contexts[module];
        IContextModule loopback = b.Contexts[module];
        ClockDefinition clock = profile.Clocks.First(c => c.Module == module);
        int rows = clock.History > 0 ? clock.History : inProcess.HistoryLength;
        var random = new Random(1);
        float[] history = [.. Enumerable.Range(0, rows * inProcess.ObservationSize).Select(_ => (float)random.NextDouble())];
        var upstream = new LatentSnapshot(1, 0, 0, 0, 0, new float[local.Context.LatentDim]);
        inProcess.WarmUp(5);
        loopback.WarmUp(5);
        double[] x = new double[updates];
        double[] y = new double[updates];
        for (int i = 0; i < updates; i++)
        {
            x[i] = Time(inProcess, history, rows, upstream, local.Context.Recursion);
            y[i] = Time(loopback, history, rows, upstream, local.Context.Recursion);
        }

        return (x, y);
    }

    private static double Time(IContextModule m, float[] history, int rows, LatentSnapshot upstream, int steps)
    {
        long start = Stopwatch.GetTimestamp();
        ContextResult r = m.Update(new ContextRequest(0, 0, history, rows, upstream, AnytimeBudget.FixedSteps(steps)));
        double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        return r.Outcome == ModuleOutcome.Ok ? us : double.NaN;
    }

    private static RunSummary Run(RateProfile profile, ModelConfig config, double seconds)
    {
        var options = new MultiRateOptions { Mode = ExecutionMode.RealTime, Duration = TimeSpan.FromSeconds(seconds) };
        using var session = new RunSession(new RunPlan(profile, config), options, new TorchModuleFactory(RemoteServiceCollectionExtensions.CreateFactory(ExecutionMode.RealTime)));
        return session.Run();
    }

    private static RemoteBenchResult Result(string side, double[] us, RunSummary? run, RateProfile profile, string module)
    {
        double[] ok = [.. us.Where(double.IsFinite).Order()];
        string clock = profile.Clocks.First(c => c.Module == module).Name;
        long failures = run?.Ledger is { } l ? l.Of(LedgerEntry.ContextFault, clock) + l.Of(LedgerEntry.ContextTimeout, clock) : 0;
        return new RemoteBenchResult(
            side,
            Quantile(ok, 0.50),
            Quantile(ok, 0.99),
            run?.LatentAgeP50Ms ?? double.NaN,
            run?.LatentAgeP99Ms ?? double.NaN,
            run?.Ledger?.Of(LedgerEntry.LatentPublished, clock) ?? 0,
            failures + (us.Length - ok.Length));
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
