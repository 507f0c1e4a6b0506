namespace MultiRate.Cli.Dashboard;

/// <summary>Everything one dashboard frame shows.</summary>
/// <param name="Verb"><c>run</c> or <c>replay</c>.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="WallSeconds">Wall-clock seconds since the dashboard started.</param>
/// <param name="Clocks">Per clock, slowest first.</param>
/// <param name="LatentAgeP50Ms">Latent age at the head's ticks, p50, ms.</param>
/// <param name="LatentAgeMaxMs">Latent age max, ms.</param>
/// <param name="BaseTicksDone">Base ticks run.</param>
/// <param name="BaseTicksTotal">Base ticks the run will take.</param>
/// <param name="Reload">The last hot-reload result in words, or null.</param>
/// <param name="ReloadFailed">Whether that reload was rejected.</param>
/// <param name="WarmingUp">Real time, before tick 0: the start-up warm-up is running.</param>
/// <param name="Actions">Actions sent by kind and why the fallbacks went out (null: not shown).</param>
/// <param name="Log">The last log lines written while the live display is up, oldest first (null: no log panel).</param>
/// <param name="LogTotal">Log lines written while the live display is up, in all.</param>
internal sealed record DashboardSnapshot(
    string Verb,
    string Profile,
    double WallSeconds,
    IReadOnlyList<ClockRow> Clocks,
    double LatentAgeP50Ms,
    double LatentAgeMaxMs,
    long BaseTicksDone,
    long BaseTicksTotal,
    string? Reload,
    bool ReloadFailed,
    bool WarmingUp = false,
    ActionTally? Actions = null,
    IReadOnlyList<string>? Log = null,
    long LogTotal = 0)
{
    /// <summary>Fraction done, 0..1.</summary>
    public double Progress => BaseTicksTotal <= 0 ? 0 : Math.Clamp((double)BaseTicksDone / BaseTicksTotal, 0, 1);
}
