using MultiRate.Core.Rates;

namespace MultiRate.Core.Schedule;

/// <summary>One slow clock as the schedule calendar sees it.</summary>
/// <param name="Name">Clock name in the profile.</param>
/// <param name="OffsetTicks">Offset of its tick 0, base ticks.</param>
/// <param name="Divisor">Base ticks per clock tick (base rate / clock rate).</param>
/// <param name="LatencyNs">Declared latency: an update triggered at t completes at t + latency (rounded down to <see cref="CalendarSpec.ResolutionNs"/>).
/// May exceed the period (then later triggers are skipped while the update runs).</param>
/// <param name="Handoff">How its snapshots become visible: <c>latest</c> at completion, <c>deterministic</c> at the clock's next tick.</param>
/// <param name="Upstream">Index of the slow clock handing its latent to this one, or -1.</param>
public sealed record CalendarClock(string Name, long OffsetTicks, long Divisor, long LatencyNs, HandoffMode Handoff, int Upstream)
{
    /// <summary>This clock's tick index at base tick <paramref name="baseTick"/>, or -1 when it is not due.</summary>
    public long DueTick(long baseTick) => CalendarSpec.DueTick(baseTick, OffsetTicks, Divisor);
}
