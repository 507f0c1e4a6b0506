using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>Checks handoffs: known clocks, slow -> fast direction, no duplicates and no cycles.</summary>
internal static class HandoffRules
{
    /// <summary>Reports every problem into <paramref name="map"/>.</summary>
    public static void Check(RateProfile p, SourceMap map)
    {
        var clocks = ProfileLookup.Clocks(p);
        var modules = p.Modules.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = new List<(string From, string To, string Path)>();
        var seen = new Dictionary<(string, string), string>();
        for (int i = 0; i < p.Handoffs.Count; i++)
        {
            HandoffDefinition h = p.Handoffs[i];
            string path = $"handoffs[{i}]";
            if (!map.IsValid(path))
            {
                continue;
            }

            bool fromOk = CheckReference(h.From, path + ".from", clocks, map);
            bool toOk = CheckReference(h.To, path + ".to", clocks, map);
            if (!fromOk || !toOk)
            {
                continue;
            }

            ClockDefinition from = clocks[h.From];
            ClockDefinition to = clocks[h.To];
            if (seen.TryGetValue((h.From, h.To), out string? first))
            {
                map.Report(path, $"duplicate handoff '{h.From}' -> '{h.To}' (already declared at {first})");
                continue;
            }

            seen[(h.From, h.To)] = path;
            edges.Add((h.From, h.To, path));
            if (RateKnown(from, map) && RateKnown(to, map) && from.RateHz > to.RateHz)
            {
                map.Report(
                    path,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"handoff goes from '{from.Name}' ({from.RateHz} Hz) to the slower clock '{to.Name}' ({to.RateHz} Hz); ") +
                    "latents flow from slower to faster clocks: swap 'from' and 'to'");
            }

            if (map.IsValid($"clocks.{from.Name}.module") && modules.TryGetValue(from.Module, out ModuleDefinition? module) &&
                module.Kind == ModuleKind.ActionHead && map.IsValid($"modules.{module.Name}.kind"))
            {
                map.Report(
                    path + ".from",
                    $"clock '{from.Name}' drives action head '{module.Name}', which publishes no latent; a handoff must start at a clock driving a context module");
            }
        }

        ReportCycles(p, edges, map);
    }

    private static bool CheckReference(string name, string path, IReadOnlyDictionary<string, ClockDefinition> clocks, SourceMap map)
    {
        if (clocks.ContainsKey(name))
        {
            return true;
        }

        if (map.IsValid("clocks"))
        {
            string known = clocks.Count == 0 ? "no clocks are declared" : "clocks: " + string.Join(", ", clocks.Keys);
            map.Report(path, $"unknown clock '{name}'{KeySuggester.Hint(name, clocks.Keys.ToList(), known)}");
        }

        return false;
    }

    private static bool RateKnown(ClockDefinition clock, SourceMap map) =>
        map.IsValid($"clocks.{clock.Name}.rate_hz") && clock.RateHz > 0;

    /// <summary>
    /// Depth-first search; each back edge closes a cycle, reported once (as the rotation that starts
    /// at its smallest name) at the handoff that closes it.
    /// </summary>
    private static void ReportCycles(RateProfile p, List<(string From, string To, string Path)> edges, SourceMap map)
    {
        var next = edges.ToLookup(e => e.From, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var edge in next[node])
            {
                if (state.GetValueOrDefault(edge.To) == 1)
                {
                    List<string> cycle = [.. stack.Skip(stack.LastIndexOf(edge.To))];
                    int start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                    List<string> rotated = [.. cycle.Skip(start), .. cycle.Take(start)];
                    string text = string.Join(" -> ", rotated.Append(rotated[0]));
                    if (reported.Add(text))
                    {
                        map.Report(edge.Path, $"handoffs form a cycle: {text}; latents must flow one way, from slower to faster clocks");
                    }
                }
                else if (!state.ContainsKey(edge.To))
                {
                    Visit(edge.To);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (ClockDefinition clock in p.Clocks)
        {
            if (!state.ContainsKey(clock.Name))
            {
                Visit(clock.Name);
            }
        }
    }
}
