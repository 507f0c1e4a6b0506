using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Tests.Shared;

/// <summary>
/// The golden-file form of a virtual-time run summary (checked in under tests/golden/): the one
/// summary writer's output (<c>RunSummaryJson</c>, the same object as <c>replay --json</c>) with the
/// inputs' paths added and the figures that differ run to run left out.
/// </summary>
internal static class GoldenSummary
{
    /// <summary>
    /// What the golden form leaves out of the summary, and why: <c>wall_s</c> and each clock's
    /// <c>latency_us</c> are measured on the wall clock; guards at 0 are left out so that a guard added
    /// later does not change the files (every guard that fired is kept); for the same reason the
    /// ledger's totals keep only the entries above 0 (its per-clock rows already do).
    /// </summary>
    public static readonly IReadOnlyList<string> Omitted = ["wall_s", "clocks[].latency_us", "guards.* at 0", "ledger.totals.* at 0", "devices"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The golden form of <paramref name="summary"/> (a <c>RunSummaryJson</c> object).</summary>
    public static JsonObject From(JsonObject summary, string rates, string config, string log)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var golden = new JsonObject
        {
            ["inputs"] = new JsonObject { ["rates"] = rates, ["config"] = config, ["log"] = log },
        };
        foreach ((string name, JsonNode? value) in summary)
        {
            switch (name)
            {
                case "wall_s":
                case "devices": // where the modules ran names the machine's GPU; goldens run on the CPU
                    break;
                case "guards":
                    golden[name] = Fired(value!.AsObject());
                    break;
                case "ledger":
                    golden[name] = new JsonObject
                    {
                        ["totals"] = Fired(value!["totals"]!.AsObject()),
                        ["clocks"] = value["clocks"]!.DeepClone(),
                    };
                    break;
                case "clocks":
                    golden[name] = new JsonArray([.. value!.AsArray().Select(WithoutLatency)]);
                    break;
                default:
                    golden[name] = value?.DeepClone();
                    break;
            }
        }

        return golden;
    }

    public static string Text(JsonNode node) => node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Fired(JsonObject guards)
    {
        var fired = new JsonObject();
        foreach ((string name, JsonNode? count) in guards)
        {
            if ((long)count! != 0)
            {
                fired[name] = count!.DeepClone();
            }
        }

        return fired;
    }

    private static JsonNode WithoutLatency(JsonNode? clock)
    {
        var copy = clock!.DeepClone().AsObject();
        copy.Remove("latency_us");
        return copy;
    }
}
