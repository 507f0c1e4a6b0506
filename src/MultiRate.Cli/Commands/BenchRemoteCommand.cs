using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Bench.Remote;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Runtime.Running;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench remote [--json]</c>: in-process and loopback side by side, one table or one JSON object.</summary>
internal static class BenchRemoteCommand
{
    public static int Execute(RemoteBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        string profilePath = DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml");
        string configPath = DefaultPaths.Resolve(a.Config ?? "configs/default.yaml");
        RunPlan plan = RunPlan.Load(profilePath, configPath);
        int updates = a.Updates ?? 300;
        double seconds = a.Seconds ?? 5;
        IReadOnlyList<RemoteBenchResult> results = RemoteBench.MeasureAsync(plan, updates, seconds).GetAwaiter().GetResult();
        if (a.Json)
        {
            var sides = new JsonArray();
            foreach (RemoteBenchResult r in results)
            {
                sides.Add(new JsonObject
                {
                    ["side"] = r.Side,
                    ["round_trip_p50_us"] = Json.Round(r.RoundTripP50Us),
                    ["round_trip_p99_us"] = Json.Round(r.RoundTripP99Us),
                    ["latent_age_p50_ms"] = Json.Round(r.LatentAgeP50Ms),
                    ["latent_age_p99_ms"] = Json.Round(r.LatentAgeP99Ms),
                    ["latents_published"] = r.LatentsPublished,
                    ["context_failures"] = r.ContextFailures,
                });
            }

            Json.Write(stdout, new JsonObject
            {
                ["profile"] = plan.Profile.Name,
                ["config"] = plan.Config.Name,
                ["updates"] = updates,
                ["run_seconds"] = seconds,
                ["cpus"] = Environment.ProcessorCount,
                ["sides"] = sides,
            });
            return 0;
        }

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
