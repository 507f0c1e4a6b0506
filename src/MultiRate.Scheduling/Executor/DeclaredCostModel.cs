namespace MultiRate.Scheduling.Executor;

/// <summary>The default virtual cost model: every clock takes exactly its declared latency.</summary>
public sealed class DeclaredCostModel : IComputeCostModel
{
    /// <summary>The shared instance.</summary>
    public static DeclaredCostModel Instance { get; } = new();

    /// <inheritdoc />
    public long CostNs(string clock, long tick, long declaredNs) => declaredNs;
}
