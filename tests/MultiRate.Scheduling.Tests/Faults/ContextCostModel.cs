using MultiRate.Scheduling.Executor;

namespace MultiRate.Scheduling.Tests.Faults;

/// <summary>Declared costs, except the context clock's ticks where <paramref name="cost"/> returns a value (e.g. long.MaxValue = hang).</summary>
internal sealed class ContextCostModel(Func<long, long?> cost) : IComputeCostModel
{
    public long CostNs(string clock, long tick, long declaredNs) =>
        clock == "context" && cost(tick) is long c ? c : clock == "head" ? 0 : declaredNs;
}
