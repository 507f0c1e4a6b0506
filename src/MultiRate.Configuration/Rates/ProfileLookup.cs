using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>Name lookups over a profile that tolerate (and report) duplicate names in code-built profiles.</summary>
internal static class ProfileLookup
{
    /// <summary>Modules by name; duplicates (possible only in code-built profiles) are reported once.</summary>
    public static IReadOnlyDictionary<string, ModuleDefinition> Modules(RateProfile p, SourceMap map)
    {
        var byName = new Dictionary<string, ModuleDefinition>(StringComparer.Ordinal);
        foreach (ModuleDefinition module in p.Modules)
        {
            if (!byName.TryAdd(module.Name, module))
            {
                map.Report(SourceMap.Join("modules", module.Name), $"duplicate module name '{module.Name}'");
            }
        }

        return byName;
    }

    /// <summary>Clocks by name (first wins); duplicates are not reported here.</summary>
    public static IReadOnlyDictionary<string, ClockDefinition> Clocks(RateProfile p)
    {
        var byName = new Dictionary<string, ClockDefinition>(StringComparer.Ordinal);
        foreach (ClockDefinition clock in p.Clocks)
        {
            byName.TryAdd(clock.Name, clock);
        }

        return byName;
    }
}
