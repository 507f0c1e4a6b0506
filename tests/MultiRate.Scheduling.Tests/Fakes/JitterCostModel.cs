using MultiRate.Scheduling.Executor;

namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Declared latency plus seeded random jitter in [0, maxJitterNs), for slow clocks only.</summary>
internal sealed class JitterCostModel(int seed, long maxJitterNs, long headCostNs = 0) : IComputeCostModel
{
    private readonly Random _random = new(seed);

    public long CostNs(string clock, long tick, long declaredNs) =>
        clock == "head" ? headCostNs : declaredNs + _random.NextInt64(maxJitterNs);
}
