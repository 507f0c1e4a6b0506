namespace MultiRate.Hosting.FaultInjection;

/// <summary>One injected fault: which, from which action-clock tick, for how many ticks.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="StartTick">First faulty action-clock tick.</param>
/// <param name="DurationTicks">Action-clock ticks it lasts; it clears afterwards.</param>
/// <param name="Seed">The seed the start was drawn from.</param>
public sealed record FaultPlan(InjectedFault Fault, long StartTick, long DurationTicks, int Seed)
{
    /// <summary>
    /// A seeded plan in a run of <paramref name="runTicks"/>: the fault starts at a tick drawn in
    /// [20%, 30%) of the run and lasts 20% of it, leaving half the run to show the recovery.
    /// </summary>
    public static FaultPlan Create(InjectedFault fault, int seed, long runTicks)
    {
        var random = new Random(Mix(seed, (int)fault));
        long start = (runTicks / 5) + random.NextInt64(Math.Max(1, runTicks / 10));
        return new FaultPlan(fault, start, runTicks / 5, seed);
    }

    /// <summary>
    /// SplitMix64 of (seed, fault): stable across processes (unlike HashCode.Combine, randomized per
    /// process) and well spread (System.Random's first draws for nearby seeds are correlated).
    /// </summary>
    private static int Mix(int seed, int fault)
    {
        ulong z = ((ulong)(uint)seed << 32) | (uint)fault;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    /// <summary>One plan per fault kind, in declaration order.</summary>
    public static IReadOnlyList<FaultPlan> Matrix(int seed, long runTicks) =>
        [.. Enum.GetValues<InjectedFault>().Select(f => Create(f, seed, runTicks))];
}
