namespace MultiRate.Scheduling.Observation;

/// <summary>Timing of one slow-clock tick.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Tick">That clock's tick index.</param>
/// <param name="TimeNs">Trigger time, ns from tick 0.</param>
/// <param name="FinishedNs">Run time the update finished (equals <paramref name="TimeNs"/> when skipped).</param>
/// <param name="LatencyNs">Measured compute time, ns (0 when skipped).</param>
/// <param name="BudgetNs">The clock's budget, ns.</param>
/// <param name="Outcome">Completed, skipped, faulted or rejected.</param>
/// <param name="RecursionSteps">Recursion steps the update used (0 when none).</param>
public readonly record struct SlowTickRecord(
    string Clock,
    long Tick,
    long TimeNs,
    long FinishedNs,
    long LatencyNs,
    long BudgetNs,
    SlowTickOutcome Outcome,
    int RecursionSteps);
