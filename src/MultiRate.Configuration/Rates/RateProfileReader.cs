using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Rates;

/// <summary>
/// Turns a YAML node tree into a <see cref="RateProfile"/>, reporting structural errors (unknown
/// keys, wrong types, missing keys) into the <see cref="SourceMap"/>. Values that could not be
/// read get placeholders and their paths are marked invalid, so the semantic checks that follow
/// skip them instead of reporting a cascade.
/// </summary>
internal static class RateProfileReader
{
    /// <summary>Reads the profile; never throws for bad input.</summary>
    public static RateProfile Read(YamlNode root, SourceMap map)
    {
        MappingReader? r = MappingReader.Open(map, root, string.Empty, "a rate profile", RateProfileSchema.Root);
        return new RateProfile
        {
            Name = r?.Text("name") ?? string.Empty,
            SourcePath = map.File,
            BaseTickHz = r?.Integer("base_tick_hz") ?? 0,
            Modules = r?.Value("modules") is { } m ? ReadModules(map, m) : [],
            Clocks = r?.Value("clocks") is { } c ? ReadClocks(map, c) : [],
            Handoffs = r?.Value("handoffs") is { } h ? ReadHandoffs(map, h) : [],
            Latent = ReadLatent(map, r?.Value("latent")),
            Action = ReadAction(map, r?.Value("action")),
            Tuning = ReadTuning(map, r?.Value("tuning")),
        };
    }

    private static List<ModuleDefinition> ReadModules(SourceMap map, YamlNode node)
    {
        var modules = new List<ModuleDefinition>();
        foreach (var (name, value) in YamlValues.Named(map, "modules", node, "modules") ?? [])
        {
            string path = SourceMap.Join("modules", name);
            MappingReader? r = MappingReader.Open(map, value, path, $"module '{name}'", RateProfileSchema.Module);
            ModuleKind? kind = r?.Enum("kind", EnumNames.Module);
            if (kind is null)
            {
                map.Invalidate(path + ".kind");
            }

            modules.Add(new ModuleDefinition { Name = name, Kind = kind ?? ModuleKind.Context });
        }

        return modules;
    }

    private static List<ClockDefinition> ReadClocks(SourceMap map, YamlNode node)
    {
        var clocks = new List<ClockDefinition>();
        foreach (var (name, value) in YamlValues.Named(map, "clocks", node, "clocks") ?? [])
        {
            string path = SourceMap.Join("clocks", name);
            MappingReader? r = MappingReader.Open(map, value, path, $"clock '{name}'", RateProfileSchema.Clock);
            string? module = r?.Text("module");
            if (module is null)
            {
                map.Invalidate(path + ".module");
            }

            clocks.Add(new ClockDefinition
            {
                Name = name,
                RateHz = r?.Integer("rate_hz") ?? 0,
                OffsetTicks = r?.Integer("offset_ticks") ?? 0,
                BudgetUs = r?.Integer("budget_us") ?? 0,
                Overrun = r?.Enum("overrun", EnumNames.Overrun) ?? OverrunPolicy.Skip,
                Module = module ?? string.Empty,
                History = r?.Int32("history") ?? 0,
                LatencyUs = r?.Integer("latency_us"),
                Cpu = r?.Int32("cpu"),
            });
        }

        // Slowest first, as RateProfile documents; equal rates keep file order (stable sort).
        return [.. clocks.OrderBy(c => c.RateHz)];
    }

    private static List<HandoffDefinition> ReadHandoffs(SourceMap map, YamlNode node)
    {
        var handoffs = new List<HandoffDefinition>();
        if (node is not YamlSequenceNode sequence)
        {
            map.Fail("handoffs", node, $"expected a list of {{ from, to, mode }}, got {YamlValues.Describe(node)}");
            return handoffs;
        }

        for (int i = 0; i < sequence.Children.Count; i++)
        {
            string path = $"handoffs[{i}]";
            map.Record(path, sequence.Children[i]);
            MappingReader? r = MappingReader.Open(map, sequence.Children[i], path, "a handoff", RateProfileSchema.Handoff);
            string? from = r?.Text("from");
            string? to = r?.Text("to");
            if (from is null || to is null)
            {
                map.Invalidate(path);
            }

            handoffs.Add(new HandoffDefinition
            {
                From = from ?? string.Empty,
                To = to ?? string.Empty,
                Mode = r?.Enum("mode", EnumNames.Handoff) ?? HandoffMode.Deterministic,
            });
        }

        return handoffs;
    }

    private static LatentSpec ReadLatent(SourceMap map, YamlNode? node)
    {
        MappingReader? r = node is null ? null : MappingReader.Open(map, node, "latent", "the latent section", RateProfileSchema.Latent);
        double? age = r?.Number("age_limit_ms");
        if (age is null)
        {
            map.Invalidate("latent.age_limit_ms");
        }

        return new LatentSpec
        {
            AgeLimitMs = age ?? 0,
            OnStale = r?.Enum("on_stale", EnumNames.Stale) ?? StalePolicy.Degraded,
        };
    }

    private static TuningSpec ReadTuning(SourceMap map, YamlNode? node)
    {
        MappingReader? r = node is null ? null : MappingReader.Open(map, node, "tuning", "the tuning section", RateProfileSchema.Tuning);
        double? tolerance = r?.Number("miss_tolerance");
        if (tolerance is null && r?.Value("miss_tolerance") is not null)
        {
            // Already reported as not a number: skip the range check.
            map.Invalidate("tuning.miss_tolerance");
        }

        return new TuningSpec { MissTolerance = tolerance ?? TuningSpec.DefaultMissTolerance };
    }

    private static ActionSpec ReadAction(SourceMap map, YamlNode? node)
    {
        MappingReader? r = node is null ? null : MappingReader.Open(map, node, "action", "the action section", RateProfileSchema.Action);
        int? dimension = r?.Int32("dimension");
        IReadOnlyList<double>? safe = r?.Numbers("safe");
        IReadOnlyList<double>? min = r?.Numbers("min");
        IReadOnlyList<double>? max = r?.Numbers("max");
        (string Key, object? Value)[] required = [("dimension", dimension), ("safe", safe), ("min", min), ("max", max)];
        foreach (var (key, value) in required)
        {
            if (value is null)
            {
                map.Invalidate("action." + key);
            }
        }

        IReadOnlyList<double>? maxRate = r?.Numbers("max_rate_per_s");
        if (maxRate is null && r?.Value("max_rate_per_s") is not null)
        {
            map.Invalidate("action.max_rate_per_s");
        }

        double? onStopMaxMs = null;
        YamlNode? onStop = r?.Value("on_stop");
        if (onStop is not null)
        {
            MappingReader? s = MappingReader.Open(map, onStop, "action.on_stop", "the action's on_stop section", RateProfileSchema.OnStop);
            onStopMaxMs = s?.Number("max_ms");
            if (onStopMaxMs is null)
            {
                map.Invalidate("action.on_stop.max_ms");
            }
        }

        return new ActionSpec
        {
            Dimension = dimension ?? 0,
            Safe = safe ?? [],
            Min = min ?? [],
            Max = max ?? [],
            MaxRatePerSecond = maxRate,
            OnStopMaxMs = onStopMaxMs,
        };
    }
}
