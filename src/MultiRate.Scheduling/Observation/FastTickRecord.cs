namespace MultiRate.Scheduling.Observation;

/// <summary>Timing of one action-clock tick.</summary>
/// <param name="Tick">Action-clock tick index.</param>
/// <param name="TimeNs">Scheduled time of the tick, ns from tick 0.</param>
/// <param name="LatencyNs">Measured head compute time on this machine, ns (0 when the head did not run).</param>
/// <param name="DecisionNs">Compute time the deadline decision used: measured in real time, the cost model's in virtual time.</param>
/// <param name="BudgetNs">The clock's budget at this tick, ns.</param>
/// <param name="Outcome">What went out.</param>
/// <param name="LatentVersion">Version of the latent the head read (0 when none).</param>
/// <param name="LatentAgeNs">Age of that latent at the tick, ns (-1 when none).</param>
public readonly record struct FastTickRecord(
    long Tick,
    long TimeNs,
    long LatencyNs,
    long DecisionNs,
    long BudgetNs,
    FastTickOutcome Outcome,
    long LatentVersion,
    long LatentAgeNs);
