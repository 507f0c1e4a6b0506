using MultiRate.Configuration.Yaml;

namespace MultiRate.Configuration.Rates;

/// <summary>The keys of a rate profile, with what each means (shown in error messages).</summary>
internal static class RateProfileSchema
{
    /// <summary>Top-level keys.</summary>
    public static readonly IReadOnlyList<KeySpec> Root =
    [
        new("name", true, "the profile's name, a string"),
        new("base_tick_hz", true, "base tick rate in Hz: every clock rate divides it, and it divides 10,000,000"),
        new("modules", true, "the modules by name, e.g. head: { kind: action_head }"),
        new("clocks", true, "the clocks by name, e.g. head: { rate_hz: 1000, budget_us: 500, module: head }"),
        new("handoffs", false, "slow -> fast latent handoffs, a list of { from, to, mode }"),
        new("latent", true, "latent age limit: { age_limit_ms, on_stale }"),
        new("action", true, "the action vector: { dimension, safe, min, max, max_rate_per_s }"),
        new("tuning", false, "what tune must prove before writing budgets: { miss_tolerance }"),
    ];

    /// <summary>Keys of one module.</summary>
    public static readonly IReadOnlyList<KeySpec> Module =
    [
        new("kind", true, "the module kind: action_head | context"),
    ];

    /// <summary>Keys of one clock.</summary>
    public static readonly IReadOnlyList<KeySpec> Clock =
    [
        new("rate_hz", true, "clock rate in Hz, a whole divisor of base_tick_hz"),
        new("offset_ticks", false, "phase offset in base ticks, 0 <= offset < base ticks per period (default 0)"),
        new("budget_us", true, "compute budget in microseconds, below the clock period"),
        new("overrun", false, "what to do on an overrun: skip | hold | safe_action (default skip)"),
        new("module", true, "the name of the module this clock drives (a key under modules)"),
        new("history", false, "observations in the module's history window, >= 0 (default 0)"),
        new("latency_us", false, "compute latency assumed in virtual time, in microseconds, 0 <= latency < period (default: the budget)"),
        new("cpu", false, "CPU index to pin this clock's thread to, >= 0 (default: not pinned)"),
    ];

    /// <summary>Keys of one handoff.</summary>
    public static readonly IReadOnlyList<KeySpec> Handoff =
    [
        new("from", true, "the publishing (slower) clock's name"),
        new("to", true, "the reading (faster) clock's name"),
        new("mode", false, "when snapshots become visible: latest | deterministic (default deterministic)"),
    ];

    /// <summary>Keys of the latent section.</summary>
    public static readonly IReadOnlyList<KeySpec> Latent =
    [
        new("age_limit_ms", true, "latent age limit in milliseconds, > 0"),
        new("on_stale", false, "what the head does past the age limit: degraded | safe_action (default degraded)"),
    ];

    /// <summary>Keys of the action section.</summary>
    public static readonly IReadOnlyList<KeySpec> Action =
    [
        new("dimension", true, "length of the action vector, >= 1"),
        new("safe", true, "the safe action, a list of dimension numbers within [min, max]"),
        new("min", true, "per-dimension lower limits, a list of dimension numbers"),
        new("max", true, "per-dimension upper limits, a list of dimension numbers"),
        new("max_rate_per_s", false, "optional per-dimension rate limits in units per second, a list of dimension positive numbers"),
        new("on_stop", false, "how a stop ramps the action to safe: { max_ms } (default: as long as the rate limits need from the worst-case action)"),
    ];

    /// <summary>Keys of the action's on_stop section.</summary>
    public static readonly IReadOnlyList<KeySpec> OnStop =
    [
        new("max_ms", true, "longest time in milliseconds a stop may take to reach the safe action within max_rate_per_s, > 0"),
    ];

    /// <summary>Keys of the tuning section.</summary>
    public static readonly IReadOnlyList<KeySpec> Tuning =
    [
        new("miss_tolerance", false, "highest fraction of a clock's ticks, 0 to 1, that may miss in tune's confirmation run (default 0.01)"),
    ];
}
