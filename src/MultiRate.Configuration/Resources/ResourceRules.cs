using System.Globalization;
using MultiRate.Configuration.Rates;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Resources;

/// <summary>
/// Refuses what this machine cannot hold or run: a model larger than its memory, a history window
/// that cannot be allocated, a module whose arithmetic alone exceeds its clock's budget, and a
/// base tick faster than the executor can be woken.
/// </summary>
/// <remarks>
/// Compute is judged at <see cref="OptimisticFlopsPerSecond"/>, well above what one CPU core
/// sustains on these shapes (about 25 GFLOP/s measured for an MLP 256-8192-32), so a refusal means
/// no machine of this kind could meet the budget; passing does not promise the budget is met
/// (<c>multirate bench profile</c> measures that).
/// </remarks>
internal static class ResourceRules
{
    /// <summary>The fastest base tick accepted: the executor runs once per base tick, and no wake-up is finer than 1 us.</summary>
    public const long MaxBaseTickHz = 1_000_000;

    /// <summary>The most history rows a clock may keep (the same range as a model config's history).</summary>
    public const int MaxHistoryRows = 65536;

    /// <summary>The compute rate assumed when judging budgets: generous on purpose (see remarks).</summary>
    public const double OptimisticFlopsPerSecond = 200e9;

    /// <summary>The share of physical memory a model may take: the runtime, logs and recorder need the rest.</summary>
    public const double MemoryShare = 0.5;

    /// <summary>The memory the runtime may use: physical memory or the container's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Profile-only limits: base tick and history rows.</summary>
    public static void CheckProfile(RateProfile p, SourceMap map)
    {
        if (map.IsValid("base_tick_hz") && p.BaseTickHz > MaxBaseTickHz && RateMath.MaxBaseTickHz % p.BaseTickHz == 0)
        {
            map.Report(
                "base_tick_hz",
                Inv($"base_tick_hz {p.BaseTickHz} is above {MaxBaseTickHz}: the executor runs once per base tick, and a period of ") +
                Inv($"{1e9 / p.BaseTickHz:0.###} ns is shorter than a thread wake-up takes on a general-purpose kernel (tens of microseconds), so nearly every tick would be late; ") +
                "use the fastest clock's rate or a small multiple of it");
        }

        foreach (ClockDefinition clock in p.Clocks)
        {
            string path = SourceMap.Join("clocks", clock.Name) + ".history";
            if (map.IsValid(path) && clock.History > MaxHistoryRows)
            {
                map.Report(path, Inv($"history must be in 0..{MaxHistoryRows} (observation rows kept for the module), got {clock.History}"));
            }
        }
    }

    /// <summary>Config-only limit: the model must fit in memory.</summary>
    public static void CheckConfig(ModelConfig c, SourceMap map)
    {
        ModelFootprint f = ModelFootprint.Of(c);
        ReportMemory(f, "head", map, AvailableBytes);
    }

    /// <summary>Both together: history rows of each context clock and the compute of each module within its clock's budget.</summary>
    public static void CheckPair(RateProfile p, ModelConfig c, SourceMap map)
    {
        var kinds = p.Modules.ToDictionary(m => m.Name, m => m.Kind, StringComparer.Ordinal);
        foreach (ClockDefinition clock in p.Clocks)
        {
            if (!kinds.TryGetValue(clock.Module, out ModuleKind kind))
            {
                continue;
            }

            string path = SourceMap.Join("clocks", clock.Name);
            ModelFootprint f = ModelFootprint.Of(c, clock.History > 0 ? clock.History : null, p.Action.Dimension);
            ReportMemory(f, path + ".history", map, AvailableBytes);
            double flops = kind == ModuleKind.ActionHead ? f.HeadFlops : f.ContextFlops;
            double us = flops / OptimisticFlopsPerSecond * 1e6;
            if (us > clock.BudgetUs)
            {
                map.Report(
                    path + ".budget_us",
                    Inv($"clock '{clock.Name}' runs a {(kind == ModuleKind.ActionHead ? "head" : "context")} call of {flops:0.###e+0} floating-point operations ") +
                    Inv($"(model '{c.Name}'), at least {us:0.#} us even at {OptimisticFlopsPerSecond / 1e9:0} GFLOP/s, over its budget of {clock.BudgetUs} us; ") +
                    "shrink the model (hidden, d_model, feed_forward, history, recursion) or slow the clock");
            }
        }
    }

    private static void ReportMemory(ModelFootprint f, string path, SourceMap map, long available)
    {
        double limit = available * MemoryShare;
        if (f.WorkingBytes > limit)
        {
            map.Report(
                path,
                Inv($"the model needs about {f.WorkingBytes / (1L << 30):0.##} GiB ({f.Parameters:0.###e+0} parameters plus working memory), ") +
                Inv($"more than {MemoryShare:P0} of this machine's {available / (double)(1L << 30):0.#} GiB; shrink hidden, d_model, feed_forward or history"));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
