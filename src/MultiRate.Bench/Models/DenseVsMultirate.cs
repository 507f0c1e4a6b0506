namespace MultiRate.Bench.Models;

/// <summary>The headline comparison: one dense policy every tick versus a fast head plus an amortised context.</summary>
/// <param name="Parameters">Parameters in each system (equal by construction: the dense policy is head + context).</param>
/// <param name="DenseTick">Dense policy: context (all K steps) then head, every tick.</param>
/// <param name="HeadTick">Multirate fast loop: the head alone, every tick.</param>
/// <param name="ContextUpdate">Multirate slow loop: one full context update (K steps), on its own thread.</param>
/// <param name="SafetyFactor">Period = p99 x this factor.</param>
/// <param name="DenseMaxRateHz">Highest control rate the dense policy sustains: 1 / (p99 x safety).</param>
/// <param name="MultirateMaxRateHz">Highest control rate of the head: 1 / (p99 x safety).</param>
/// <param name="ContextMaxRateHz">Highest rate of the slow loop: 1 / (p99 x safety).</param>
public sealed record DenseVsMultirate(
    long Parameters,
    LatencyStats DenseTick,
    LatencyStats HeadTick,
    LatencyStats ContextUpdate,
    double SafetyFactor,
    double DenseMaxRateHz,
    double MultirateMaxRateHz,
    double ContextMaxRateHz);
