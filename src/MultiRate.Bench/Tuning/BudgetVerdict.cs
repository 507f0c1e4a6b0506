namespace MultiRate.Bench.Tuning;

/// <summary>How a clock's current budget compares with the recommended one.</summary>
public enum BudgetVerdict
{
    /// <summary>The current budget covers the recommendation and is less than twice it.</summary>
    Ok,

    /// <summary>The current budget is below the recommendation: expect overruns at the stated quantile.</summary>
    TooTight,

    /// <summary>The current budget is at least twice the recommendation: deadlines detect overruns late.</summary>
    TooLoose,
}
