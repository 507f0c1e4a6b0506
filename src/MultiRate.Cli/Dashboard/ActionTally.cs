namespace MultiRate.Cli.Dashboard;

/// <summary>The dashboard's action line, read from the run's ledger (words as in docs/vocabulary.md).</summary>
/// <param name="Model">Model actions sent.</param>
/// <param name="Degraded">Degraded actions (the head's, on a stale latent).</param>
/// <param name="Hold">Holds sent (fallbacks).</param>
/// <param name="Safe">Safe actions sent (fallbacks).</param>
/// <param name="StaleTicks">Action-clock ticks on a stale or absent latent.</param>
/// <param name="FallbackReasons">Why the fallbacks went out, by ledger name (only reasons above zero); they add up to hold + safe.</param>
/// <param name="PeriodsWithoutAction">Action-clock periods that got no action at all.</param>
/// <param name="NoActionReasons">Why those periods got none, by ledger name (only reasons above zero); null: none.</param>
internal sealed record ActionTally(long Model, long Degraded, long Hold, long Safe, long StaleTicks, IReadOnlyList<KeyValuePair<string, long>> FallbackReasons, long PeriodsWithoutAction = 0, IReadOnlyList<KeyValuePair<string, long>>? NoActionReasons = null)
{
    /// <summary>Fallbacks: holds and safe actions sent instead of the head's action.</summary>
    public long Fallbacks => Hold + Safe;
}
