namespace MultiRate.Core.Rates;

/// <summary>
/// A validated rate profile (<c>rates/*.yaml</c>): the base tick, the clocks, the latent handoffs
/// between them, the latent age limit and the action's safe value and limits.
/// </summary>
/// <remarks>Immutable description. Build it with the profile loader, which reports every error at once.</remarks>
public sealed record RateProfile
{
    /// <summary>Profile name.</summary>
    public required string Name { get; init; }

    /// <summary>File the profile was read from, if any.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Base tick rate in Hz: every clock's rate divides it.</summary>
    public required long BaseTickHz { get; init; }

    /// <summary>The clocks, slowest first.</summary>
    public required IReadOnlyList<ClockDefinition> Clocks { get; init; }

    /// <summary>Modules the clocks drive.</summary>
    public required IReadOnlyList<ModuleDefinition> Modules { get; init; }

    /// <summary>Slow-to-fast latent transitions.</summary>
    public required IReadOnlyList<HandoffDefinition> Handoffs { get; init; }

    /// <summary>Latent age limit and stale behaviour.</summary>
    public required LatentSpec Latent { get; init; }

    /// <summary>The action vector's shape, safe value and limits.</summary>
    public required ActionSpec Action { get; init; }

    /// <summary>What <c>tune</c> must prove before writing budgets (optional <c>tuning</c> section; default: 1% miss tolerance).</summary>
    public TuningSpec Tuning { get; init; } = new();

    /// <summary>Base tick period in nanoseconds.</summary>
    public long BaseTickNs => Timing.ClockTime.PeriodFromHz(BaseTickHz);

    /// <summary>The clock that drives the action head (the fastest clock whose module is a head).</summary>
    public ClockDefinition ActionClock =>
        Clocks.Where(c => ModuleOf(c).Kind == ModuleKind.ActionHead).OrderByDescending(c => c.RateHz).First();

    /// <summary>The module a clock drives.</summary>
    public ModuleDefinition ModuleOf(ClockDefinition clock) => Modules.First(m => m.Name == clock.Module);

    /// <summary>Finds a clock by name.</summary>
    public ClockDefinition Clock(string name) => Clocks.First(c => c.Name == name);
}
