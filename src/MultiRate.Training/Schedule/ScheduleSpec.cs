using MultiRate.Core.Errors;
using MultiRate.Core.Rates;

namespace MultiRate.Training.Schedule;

/// <summary>
/// The part of a rate profile that decides which latent the head sees: the base tick, the action
/// clock, the one slow clock handing its latent to it, the handoff mode and the declared latency.
/// </summary>
/// <param name="BaseTickNs">Base tick period, ns.</param>
/// <param name="FastOffsetTicks">Action clock offset, base ticks.</param>
/// <param name="FastDivisor">Base ticks per action-clock tick.</param>
/// <param name="SlowOffsetTicks">Slow clock offset, base ticks.</param>
/// <param name="SlowDivisor">Base ticks per slow-clock tick.</param>
/// <param name="LatencyNs">The slow clock's declared latency (virtual time: ready at trigger + latency).</param>
/// <param name="Mode">Handoff mode of the slow-to-head transition.</param>
/// <param name="WindowRows">Rows the executor copies into the module at a trigger (the clock's history, else the module's).</param>
internal sealed record ScheduleSpec(
    long BaseTickNs,
    long FastOffsetTicks,
    long FastDivisor,
    long SlowOffsetTicks,
    long SlowDivisor,
    long LatencyNs,
    HandoffMode Mode,
    int WindowRows)
{
    /// <summary>The slow clock's name in the profile.</summary>
    public string SlowClock { get; init; } = "context";

    /// <summary>Reads the spec from a profile with exactly one slow clock feeding the action head.</summary>
    /// <param name="profile">The validated profile.</param>
    /// <param name="moduleHistory">The context module's history length (used when the clock declares none).</param>
    /// <exception cref="UserInputException">The profile has another shape (several slow clocks, no handoff to the head).</exception>
    public static ScheduleSpec From(RateProfile profile, int moduleHistory)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ClockDefinition fast = profile.ActionClock;
        List<ClockDefinition> slow = [.. profile.Clocks.Where(c => c != fast)];
        HandoffDefinition? handoff = profile.Handoffs.FirstOrDefault(h => h.To == fast.Name);
        if (slow.Count != 1 || handoff is null || handoff.From != slow[0].Name)
        {
            string clocks = string.Join(", ", profile.Clocks.Select(c => c.Name));
            throw new UserInputException(
                $"{profile.SourcePath ?? profile.Name}: training supports one slow clock handing its latent to the action clock " +
                $"'{fast.Name}'; this profile has clocks [{clocks}] and {profile.Handoffs.Count} handoff(s)");
        }

        ClockDefinition s = slow[0];
        long baseHz = profile.BaseTickHz;
        return new ScheduleSpec(
            profile.BaseTickNs,
            fast.OffsetTicks,
            baseHz / fast.RateHz,
            s.OffsetTicks,
            baseHz / s.RateHz,
            s.LatencyNs,
            handoff.Mode,
            s.History > 0 ? s.History : moduleHistory)
        {
            SlowClock = s.Name,
        };
    }

    /// <summary>True when the action clock ticks at base tick <paramref name="baseTick"/>.</summary>
    public bool FastDue(long baseTick) => Due(baseTick, FastOffsetTicks, FastDivisor);

    /// <summary>True when the slow clock ticks at base tick <paramref name="baseTick"/>.</summary>
    public bool SlowDue(long baseTick) => Due(baseTick, SlowOffsetTicks, SlowDivisor);

    private static bool Due(long baseTick, long offset, long divisor)
    {
        long rel = baseTick - offset;
        return rel >= 0 && rel % divisor == 0;
    }
}
