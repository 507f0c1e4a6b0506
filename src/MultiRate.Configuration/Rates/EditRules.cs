using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>
/// Checks that a profile edit can be applied to a running system. The schedule (base tick, clocks,
/// rates, offsets, modules, handoffs, pinning) and tensor shapes (history, action dimension) are
/// fixed at start; budgets, latencies, overrun policies, the latent limits and the action's limits
/// and safe value may change live.
/// </summary>
internal static class EditRules
{
    private const string Restart = "while running (the schedule and tensor shapes are fixed at start); restart to apply it";

    /// <summary>Reports every change that needs a restart into <paramref name="map"/>.</summary>
    public static void Check(RateProfile current, RateProfile proposed, SourceMap map)
    {
        Changed("base_tick_hz", current.BaseTickHz, proposed.BaseTickHz, map);
        Changed("action.dimension", current.Action.Dimension, proposed.Action.Dimension, map);

        var oldClocks = ProfileLookup.Clocks(current);
        var newClocks = ProfileLookup.Clocks(proposed);
        foreach (var (name, old) in oldClocks)
        {
            string path = SourceMap.Join("clocks", name);
            if (!newClocks.TryGetValue(name, out ClockDefinition? now))
            {
                map.Report("clocks", $"cannot remove clock '{name}' {Restart}");
                continue;
            }

            Changed(path + ".rate_hz", old.RateHz, now.RateHz, map);
            Changed(path + ".offset_ticks", old.OffsetTicks, now.OffsetTicks, map);
            Changed(path + ".module", old.Module, now.Module, map);
            Changed(path + ".history", old.History, now.History, map);
            Changed(path + ".cpu", old.Cpu, now.Cpu, map);
        }

        foreach (string name in newClocks.Keys.Where(n => !oldClocks.ContainsKey(n)))
        {
            map.Report(SourceMap.Join("clocks", name), $"cannot add clock '{name}' {Restart}");
        }

        string oldModules = Describe(current.Modules.Select(m => $"{m.Name}:{EnumNames.Of(EnumNames.Module, m.Kind)}"));
        string newModules = Describe(proposed.Modules.Select(m => $"{m.Name}:{EnumNames.Of(EnumNames.Module, m.Kind)}"));
        Changed("modules", oldModules, newModules, map);

        string oldHandoffs = Describe(current.Handoffs.Select(Describe));
        string newHandoffs = Describe(proposed.Handoffs.Select(Describe));
        Changed("handoffs", oldHandoffs, newHandoffs, map);
    }

    private static void Changed<T>(string path, T old, T now, SourceMap map)
    {
        if (!EqualityComparer<T>.Default.Equals(old, now))
        {
            string o = Convert.ToString(old, CultureInfo.InvariantCulture) ?? "none";
            string n = Convert.ToString(now, CultureInfo.InvariantCulture) ?? "none";
            map.Report(path, $"cannot change {path} from {Show(o)} to {Show(n)} {Restart}");
        }
    }

    private static string Show(string value) => value.Length == 0 ? "none" : value;

    private static string Describe(HandoffDefinition h) => $"{h.From} -> {h.To} ({EnumNames.Of(EnumNames.Handoff, h.Mode)})";

    private static string Describe(IEnumerable<string> items) => "[" + string.Join(", ", items.Order(StringComparer.Ordinal)) + "]";
}
