using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Output;

/// <summary>What the output stage sent for one claimed tick: returned to the caller, and reported once to the ledger.</summary>
/// <param name="Kind">Model, degraded, hold or safe.</param>
/// <param name="Reason">
/// Why it went out: <see cref="LedgerEntry.ModelAction"/> or <see cref="LedgerEntry.DegradedAction"/> for
/// the head's action, otherwise one of <see cref="LedgerNames.FallbackReasons"/> (a head action that was
/// not finite was replaced by a hold: <see cref="LedgerEntry.NonFiniteAction"/>).
/// </param>
/// <param name="Clamped">A value or its rate of change was clamped to the limits.</param>
/// <param name="SinkFailed">The sink threw (the action still counts as sent).</param>
internal readonly record struct Emission(ActionKind Kind, LedgerEntry Reason, bool Clamped, bool SinkFailed)
{
    /// <summary>True for a hold or the safe action.</summary>
    public bool IsFallback => Kind is ActionKind.Hold or ActionKind.Safe;
}
