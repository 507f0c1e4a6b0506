using System.Globalization;
using MultiRate.Bench.Remote;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Runtime.Running;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench remote</c>: in-process and loopback side by side, one table.</summary>
internal static class BenchRemoteCommand
{
    public static int Execute(RemoteBenchArgs a, IAnsiConsole console)
    {
        string profilePath = DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml");
        string configPath = DefaultPaths.Resolve(a.Config ?? "configs/default.yaml");
        RunPlan plan = RunPlan.Load(profilePath, configPath);
        IReadOnlyList<RemoteBenchResult> results = RemoteBench.MeasureAsync(plan, a.Updates ?? 300, a.Seconds ?? 5).GetAwaiter().GetResult();
        var table = new Table().AddColumns("side", "round trip p50 us", "round trip p99 us", "latent age p50 ms", "latent age p99 ms", "latents published", "context faults + timeouts");
        foreach (RemoteBenchResult r in results)
        {
            table.AddRow(r.Side, F(r.RoundTripP50Us), F(r.RoundTripP99Us), F(r.LatentAgeP50Ms), F(r.LatentAgeP99Ms), r.LatentsPublished.ToString(CultureInfo.InvariantCulture), r.ContextFailures.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine($"profile {profilePath}, config {configPath}, {Environment.ProcessorCount} CPUs");
        return 0;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
