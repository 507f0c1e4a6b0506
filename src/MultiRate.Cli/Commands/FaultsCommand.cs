using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Hosting.FaultInjection;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate faults [--seed N] [--json] [--rates R] [--config C] [--seconds N]</c>: runs the fault
/// matrix (every injected fault once, in virtual time) on the shipped demo and prints, per fault, how
/// often it was injected, the actions per fast tick (must be exactly 1.0), its counter, whether model
/// actions came back after it cleared, and crashes. Exit 1 when any row breaks a promise.
/// </summary>
internal static class FaultsCommand
{
    public static int Execute(FaultsArgs a, TextWriter stdout)
    {
        int seed = a.Seed ?? 1;
        double seconds = a.Seconds ?? 5;
        var runner = new FaultRunner(a.Rates ?? "rates/default.yaml", a.Config ?? "configs/default.yaml", TimeSpan.FromSeconds(seconds));
        IReadOnlyList<FaultRunResult> rows = runner.RunMatrix(seed);
        bool ok = rows.All(r => r.TicksWithoutExactlyOneAction == 0 && r.CounterValue > 0 && r.Recovered && r.Crashes == 0);
        if (a.Json)
        {
            var doc = new JsonObject
            {
                ["profile"] = runner.Profile.Name,
                ["seed"] = seed,
                ["seconds"] = seconds,
                ["ok"] = ok,
                ["faults"] = new JsonArray([.. rows.Select(Row)]),
            };
            stdout.WriteLine(Json.Indented(doc));
            return ok ? 0 : 1;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault matrix: profile {runner.Profile.Name}, {seconds:0.#} s virtual time per fault, seed {seed}"));
        stdout.WriteLine($"{"fault",-18} {"window (ticks)",-14} {"injected",8} {"ticks",6} {"actions",7} {"act/tick",8} {"counter",-22} {"count",6} {"during fault",-28} {"bursts",6} {"recovered",9} {"crashes",7}");
        foreach (FaultRunResult r in rows)
        {
            string window = $"{r.Plan.StartTick}+{r.Plan.DurationTicks}";
            string during = string.Join(' ', r.KindsDuringFault.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}:{k.Value}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Plan.Fault,-18} {window,-14} {r.Injected,8} {r.FastTicks,6} {r.Actions,7} {r.ActionsPerTick,8:0.000} {r.Counter,-22} {r.CounterValue,6} {during,-28} {r.BurstsLogged,6} {(r.Recovered ? "yes" : "no"),9} {r.Crashes,7}"));
        }

        stdout.WriteLine(ok ? "all faults: exactly one action per tick, counted, recovered, no crash" : "FAILED: a fault broke a promise (see the rows above)");
        return ok ? 0 : 1;
    }

    private static JsonObject Row(FaultRunResult r) => new()
    {
        ["fault"] = r.Plan.Fault.ToString(),
        ["start_tick"] = r.Plan.StartTick,
        ["duration_ticks"] = r.Plan.DurationTicks,
        ["injected"] = r.Injected,
        ["fast_ticks"] = r.FastTicks,
        ["actions"] = r.Actions,
        ["actions_per_tick"] = r.ActionsPerTick,
        ["ticks_without_exactly_one_action"] = r.TicksWithoutExactlyOneAction,
        ["counter"] = r.Counter,
        ["count"] = r.CounterValue,
        ["during_fault"] = new JsonObject([.. r.KindsDuringFault.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))]),
        ["bursts_logged"] = r.BurstsLogged,
        ["recovered"] = r.Recovered,
        ["crashes"] = r.Crashes,
    };
}
