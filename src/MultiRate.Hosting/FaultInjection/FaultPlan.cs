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
        var random = new Random(HashCode.Combine(seed, (int)fault));
        long start = (runTicks / 5) + random.NextInt64(Math.Max(1, runTicks / 10));
        return new FaultPlan(fault, start, runTicks / 5, seed);
    }

    /// <summary>One plan per fault kind, in declaration order.</summary>
    public static IReadOnlyList<FaultPlan> Matrix(int seed, long runTicks) =>
        [.. Enum.GetValues<InjectedFault>().Select(f => Create(f, seed, runTicks))];
}
