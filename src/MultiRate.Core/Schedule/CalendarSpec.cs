using MultiRate.Core.Rates;

namespace MultiRate.Core.Schedule;

/// <summary>
/// The part of a rate profile that fixes the schedule: the base tick, the action clock, every slow
/// clock (slowest first, as the executor orders them), their declared latencies and handoffs.
/// </summary>
/// <remarks>Immutable; thread-safe. Built once per run (<see cref="FromProfile"/>) or by hand in tests.</remarks>
public sealed class CalendarSpec
{
    /// <summary>
    /// The resolution of a slow update's virtual delay: 100 ns (the virtual slow runner waits its cost
    /// as a <see cref="TimeSpan"/> on the nanosecond clock). A declared latency is rounded down to it.
    /// </summary>
    public const long VirtualResolutionNs = 100;

    /// <summary>Creates a spec; every argument is checked.</summary>
    /// <param name="baseTickNs">Base tick period, ns.</param>
    /// <param name="actionOffsetTicks">Action clock offset, base ticks.</param>
    /// <param name="actionDivisor">Base ticks per action-clock tick.</param>
    /// <param name="slow">The slow clocks, slowest first (triggers and publishes run in this order).</param>
    /// <param name="headSource">Index in <paramref name="slow"/> of the clock handing its latent to the head, or -1.</param>
    /// <param name="resolutionNs">Virtual clock resolution that latencies are rounded down to (default 100 ns).</param>
    public CalendarSpec(long baseTickNs, long actionOffsetTicks, long actionDivisor, IReadOnlyList<CalendarClock> slow, int headSource, long resolutionNs = VirtualResolutionNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseTickNs);
        ArgumentOutOfRangeException.ThrowIfNegative(actionOffsetTicks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionDivisor);
        ArgumentNullException.ThrowIfNull(slow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(headSource, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(headSource, slow.Count);
        foreach (CalendarClock c in slow)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(slow));
            if (c.OffsetTicks < 0 || c.Divisor <= 0 || c.LatencyNs < 0 || c.Upstream < -1 || c.Upstream >= slow.Count)
            {
                throw new ArgumentException($"slow clock '{c.Name}': offset and latency must be >= 0, divisor > 0, upstream in [-1, {slow.Count})", nameof(slow));
            }
        }

        BaseTickNs = baseTickNs;
        ActionOffsetTicks = actionOffsetTicks;
        ActionDivisor = actionDivisor;
        Slow = [.. slow];
        HeadSource = headSource;
        ResolutionNs = resolutionNs;
    }

    /// <summary>Base tick period, ns.</summary>
    public long BaseTickNs { get; }

    /// <summary>Action clock offset, base ticks.</summary>
    public long ActionOffsetTicks { get; }

    /// <summary>Base ticks per action-clock tick.</summary>
    public long ActionDivisor { get; }

    /// <summary>The slow clocks, slowest first (ties in profile order).</summary>
    public IReadOnlyList<CalendarClock> Slow { get; }

    /// <summary>Index in <see cref="Slow"/> of the clock handing its latent to the head, or -1.</summary>
    public int HeadSource { get; }

    /// <summary>Virtual clock resolution, ns: a completion is at trigger + latency rounded down to it.</summary>
    public long ResolutionNs { get; }

    /// <summary>
    /// Reads the spec from a profile the way the executor builds its graph: slow clocks are every clock
    /// but the action clock, ordered by rate (stable); a clock's handoff mode is that of its outgoing
    /// handoff (deterministic when it has none); its upstream is the clock of its incoming handoff.
    /// </summary>
    /// <param name="profile">The profile (validated, or built in code).</param>
    /// <param name="resolutionNs">Virtual clock resolution (default <see cref="VirtualResolutionNs"/>).</param>
    public static CalendarSpec FromProfile(RateProfile profile, long resolutionNs = VirtualResolutionNs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ClockDefinition action = profile.ActionClock;
        long baseHz = profile.BaseTickHz;
        List<ClockDefinition> slow = [.. profile.Clocks.Where(c => c != action).OrderBy(c => c.RateHz)];
        int IndexOf(string name) => slow.FindIndex(c => c.Name == name);
        var clocks = new List<CalendarClock>(slow.Count);
        foreach (ClockDefinition c in slow)
        {
            HandoffDefinition? outgoing = profile.Handoffs.FirstOrDefault(h => h.From == c.Name);
            HandoffDefinition? incoming = profile.Handoffs.FirstOrDefault(h => h.To == c.Name);
            clocks.Add(new CalendarClock(c.Name, c.OffsetTicks, baseHz / c.RateHz, c.LatencyNs, outgoing?.Mode ?? HandoffMode.Deterministic, incoming is null ? -1 : IndexOf(incoming.From)));
        }

        HandoffDefinition? toHead = profile.Handoffs.FirstOrDefault(h => h.To == action.Name);
        return new CalendarSpec(profile.BaseTickNs, action.OffsetTicks, baseHz / action.RateHz, clocks, toHead is null ? -1 : IndexOf(toHead.From), resolutionNs);
    }

    /// <summary>The action clock's tick index at base tick <paramref name="baseTick"/>, or -1 when it is not due.</summary>
    public long ActionDueTick(long baseTick) => DueTick(baseTick, ActionOffsetTicks, ActionDivisor);

    /// <summary>Run time of tick <paramref name="tick"/> of slow clock <paramref name="clock"/>, ns (a latent's source time: its age counts from here).</summary>
    public long SlowTickTimeNs(int clock, long tick) => (Slow[clock].OffsetTicks + (tick * Slow[clock].Divisor)) * BaseTickNs;

    /// <summary>Run time of action-clock tick <paramref name="tick"/>, ns.</summary>
    public long ActionTickTimeNs(long tick) => (ActionOffsetTicks + (tick * ActionDivisor)) * BaseTickNs;

    /// <summary>Index in <see cref="Slow"/> of the clock named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Slow.Count; i++)
        {
            if (Slow[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Tick index of a clock (offset, divisor) at <paramref name="baseTick"/>, or -1 when not due.</summary>
    internal static long DueTick(long baseTick, long offset, long divisor)
    {
        long rel = baseTick - offset;
        return rel >= 0 && rel % divisor == 0 ? rel / divisor : -1;
    }
}
