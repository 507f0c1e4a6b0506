using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Observation;

/// <summary>One counted fault.</summary>
/// <param name="Kind">What went wrong: one of <see cref="LedgerNames.FaultEntries"/> (its name is <see cref="LedgerNames.Name"/>).</param>
/// <param name="Source">Where: a clock name, a sensor stream name, or <c>sink</c>.</param>
/// <param name="TimeNs">Run time of the fault, ns from tick 0.</param>
/// <param name="Tick">Tick index of the clock (or action clock) it happened on.</param>
public readonly record struct FaultRecord(LedgerEntry Kind, string Source, long TimeNs, long Tick);
