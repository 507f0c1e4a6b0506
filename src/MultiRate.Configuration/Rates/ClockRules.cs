using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>Checks the base tick, every clock's timing, the module references and the action-head clock.</summary>
internal static class ClockRules
{
    /// <summary>Reports every problem into <paramref name="map"/>.</summary>
    public static void Check(RateProfile p, SourceMap map)
    {
        if (map.IsValid("name") && string.IsNullOrWhiteSpace(p.Name))
        {
            map.Report("name", "name must not be empty");
        }

        bool baseOk = CheckBase(p.BaseTickHz, map);
        var modules = ProfileLookup.Modules(p, map);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClockDefinition clock in p.Clocks)
        {
            string path = SourceMap.Join("clocks", clock.Name);
            if (!names.Add(clock.Name))
            {
                // Only a profile built in code can have this; YAML keys are unique.
                map.Report(path, $"duplicate clock name '{clock.Name}'");
            }
            else if (map.IsValid(path))
            {
                CheckTiming(p.BaseTickHz, baseOk, clock, path, map);
                CheckModuleReference(clock, path, modules, map);
            }
        }

        if (map.IsValid("clocks") && p.Clocks.Count == 0)
        {
            map.Report("clocks", "at least one clock is required: the clock that drives the action head");
        }

        CheckSharedModules(p, map);
        CheckActionHeadClock(p, modules, map);
    }

    private static bool CheckBase(long baseHz, SourceMap map)
    {
        if (!map.IsValid("base_tick_hz"))
        {
            return false;
        }

        if (baseHz <= 0 || RateMath.MaxBaseTickHz % baseHz != 0)
        {
            var nearest = RateMath.FormatNearest(RateMath.NearestDivisors(RateMath.MaxBaseTickHz, Math.Max(baseHz, 1)));
            map.Report(
                "base_tick_hz",
                Inv($"base_tick_hz {baseHz} must be a positive divisor of 10,000,000 so the base tick period is a whole number of 100 ns ") +
                $"(exact in nanoseconds and in Rx's DateTimeOffset ticks); nearest valid rates: {nearest}");
            return false;
        }

        return true;
    }

    private static void CheckTiming(long baseHz, bool baseOk, ClockDefinition clock, string path, SourceMap map)
    {
        if (!map.IsValid(path + ".rate_hz"))
        {
            return;
        }

        long rate = clock.RateHz;
        if (rate <= 0)
        {
            map.Report(path + ".rate_hz", Inv($"rate_hz must be a positive whole number of Hz, got {rate}"));
            return;
        }

        bool divides = baseOk && baseHz % rate == 0;
        if (baseOk && !divides)
        {
            string nearest = RateMath.FormatNearest(RateMath.NearestDivisors(baseHz, rate));
            map.Report(path + ".rate_hz", Inv($"rate_hz {rate} does not divide base_tick_hz {baseHz}; nearest rates that do: {nearest}"));
        }

        // The period in ns is exact once the rate divides the base tick (which divides 1e7).
        decimal periodNs = 1_000_000_000m / rate;
        string period = (periodNs / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + " us";
        if (divides && map.IsValid(path + ".offset_ticks"))
        {
            long ticksPerPeriod = baseHz / rate;
            if (clock.OffsetTicks < 0 || clock.OffsetTicks >= ticksPerPeriod)
            {
                map.Report(
                    path + ".offset_ticks",
                    Inv($"offset_ticks {clock.OffsetTicks} must be in [0, {ticksPerPeriod}): clock '{clock.Name}' ") +
                    Inv($"has {ticksPerPeriod} base ticks per period ({rate} Hz on a {baseHz} Hz base tick)"));
            }
        }

        if (map.IsValid(path + ".budget_us"))
        {
            if (clock.BudgetUs <= 0)
            {
                map.Report(path + ".budget_us", Inv($"budget_us must be positive (compute time allowed per tick), got {clock.BudgetUs}; the period is {period}"));
            }
            else if (clock.BudgetUs * 1000m >= periodNs)
            {
                map.Report(
                    path + ".budget_us",
                    Inv($"budget_us {clock.BudgetUs} must be below the clock period of {period} ({rate} Hz): the work must finish before the next tick"));
            }
        }

        if (clock.LatencyUs is { } latency && map.IsValid(path + ".latency_us") && (latency < 0 || latency * 1000m >= periodNs))
        {
            map.Report(path + ".latency_us", Inv($"latency_us {latency} must be in [0, {period}): a result must be ready before the clock's next tick"));
        }

        if (map.IsValid(path + ".history") && clock.History < 0)
        {
            map.Report(path + ".history", Inv($"history must be >= 0 (observations in the module's history window), got {clock.History}"));
        }

        if (clock.Cpu is < 0 && map.IsValid(path + ".cpu"))
        {
            map.Report(path + ".cpu", Inv($"cpu must be a CPU index >= 0, got {clock.Cpu}"));
        }
    }

    private static void CheckModuleReference(ClockDefinition clock, string path, IReadOnlyDictionary<string, ModuleDefinition> modules, SourceMap map)
    {
        if (!map.IsValid(path + ".module") || !map.IsValid("modules") || modules.ContainsKey(clock.Module))
        {
            return;
        }

        string declared = modules.Count == 0 ? "no modules are declared" : "declared modules: " + string.Join(", ", modules.Keys);
        map.Report(path + ".module", $"module '{clock.Module}' is not declared{KeySuggester.Hint(clock.Module, modules.Keys.ToList(), declared)}");
    }

    private static void CheckSharedModules(RateProfile p, SourceMap map)
    {
        var firstDriver = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ClockDefinition clock in p.Clocks)
        {
            string path = SourceMap.Join("clocks", clock.Name) + ".module";
            if (!map.IsValid(path))
            {
                continue;
            }

            if (firstDriver.TryGetValue(clock.Module, out string? other))
            {
                map.Report(path, $"module '{clock.Module}' is already driven by clock '{other}'; each module runs on exactly one clock");
            }
            else
            {
                firstDriver[clock.Module] = clock.Name;
            }
        }
    }

    private static void CheckActionHeadClock(RateProfile p, IReadOnlyDictionary<string, ModuleDefinition> modules, SourceMap map)
    {
        var heads = new List<ClockDefinition>();
        bool uncertain = !map.IsValid("clocks") || !map.IsValid("modules");
        foreach (ClockDefinition clock in p.Clocks)
        {
            string path = SourceMap.Join("clocks", clock.Name);
            if (!map.IsValid(path + ".module") || !modules.TryGetValue(clock.Module, out ModuleDefinition? module) ||
                !map.IsValid(SourceMap.Join("modules", module.Name) + ".kind"))
            {
                uncertain = true;
                continue;
            }

            if (module.Kind == ModuleKind.ActionHead)
            {
                heads.Add(clock);
            }
            else if (clock.Overrun != OverrunPolicy.Skip && map.IsValid(path + ".overrun"))
            {
                map.Report(
                    path + ".overrun",
                    $"overrun '{EnumNames.Of(EnumNames.Overrun, clock.Overrun)}' is only valid on the action head clock; clock '{clock.Name}' " +
                    $"drives context module '{module.Name}', which can only skip (valid: skip)");
            }
        }

        if (heads.Count == 0 && !uncertain && p.Clocks.Count > 0)
        {
            var headModules = modules.Values.Where(m => m.Kind == ModuleKind.ActionHead).Select(m => m.Name).ToList();
            string hint = headModules.Count == 0 ? "no module has kind action_head" : "action_head modules: " + string.Join(", ", headModules);
            map.Report("clocks", $"no clock drives an action_head module; exactly one action head clock is required ({hint})");
        }

        foreach (ClockDefinition extra in heads.Skip(1))
        {
            map.Report(
                SourceMap.Join("clocks", extra.Name) + ".module",
                $"clocks '{heads[0].Name}' and '{extra.Name}' both drive action_head modules; exactly one action head clock is allowed");
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
