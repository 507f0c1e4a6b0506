using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;

namespace MultiRate.Training.Schedule;

/// <summary>
/// The schedule of one run over a log, read from the schedule calendar: every action-clock tick, which
/// tick of the clock handing its latent to the head each one reads, and every tick of each clock in
/// the chain behind that latent (head source first, then its upstream, and so on).
/// </summary>
/// <param name="FastBaseTicks">Base tick of each action-clock tick, in order.</param>
/// <param name="VisibleSlowTick">For each action tick, the head source clock's tick whose latent it reads, or -1 before the first publish.</param>
/// <param name="Levels">The chain feeding the head: [0] hands its latent to the head, [k + 1] to [k].</param>
/// <param name="BaseTickNs">Base tick period, ns.</param>
/// <param name="FastDivisor">Base ticks per action-clock tick.</param>
internal sealed record ScheduleTimeline(long[] FastBaseTicks, int[] VisibleSlowTick, SlowTimeline[] Levels, long BaseTickNs, long FastDivisor)
{
    /// <summary>Time of action tick <paramref name="i"/>, ns.</summary>
    public long FastTimeNs(int i) => FastBaseTicks[i] * BaseTickNs;

    /// <summary>Time of the head source clock's tick <paramref name="j"/>, ns (the latent's source time: its age counts from here).</summary>
    public long SlowTimeNs(int j) => Levels[0].BaseTicks[j] * BaseTickNs;

    /// <summary>
    /// The history a head tick's latent depends on, ns: per level, its window, one period of staleness
    /// and its latency (a train/validation split leaves this much out on each side).
    /// </summary>
    public long LookBackNs => Levels.Sum(l => (l.WindowRows * FastDivisor * BaseTickNs) + l.PeriodNs + l.LatencyNs);

    /// <summary>Reads <paramref name="baseTicks"/> base ticks of <paramref name="profile"/>'s calendar.</summary>
    /// <param name="profile">The validated profile.</param>
    /// <param name="moduleHistory">The context module's history length (for clocks that declare none).</param>
    /// <param name="baseTicks">Base ticks the log covers.</param>
    /// <exception cref="UserInputException">No clock hands its latent to the action clock.</exception>
    public static ScheduleTimeline Read(RateProfile profile, int moduleHistory, long baseTicks)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CalendarSpec spec = CalendarSpec.FromProfile(profile);
        int[] chain = Chain(spec, profile);
        int[] levelOf = new int[spec.Slow.Count];
        Array.Fill(levelOf, -1);
        for (int l = 0; l < chain.Length; l++)
        {
            levelOf[chain[l]] = l;
        }

        var ticks = chain.Select(_ => new List<long>()).ToArray();
        var started = chain.Select(_ => new List<bool>()).ToArray();
        var rowEnd = chain.Select(_ => new List<int>()).ToArray();
        var upstream = chain.Select(_ => new List<int>()).ToArray();
        var fast = new List<long>();
        var visible = new List<int>();
        int rows = 0;
        ScheduleCursor cursor = ScheduleCalendar.Open(spec);
        for (long b = 0; b < baseTicks; b++)
        {
            foreach (ScheduleStep step in cursor.Next())
            {
                int level = step.Clock >= 0 ? levelOf[step.Clock] : -1;
                switch (step.Kind)
                {
                    case ScheduleStepKind.Observe:
                        rows++;
                        break;
                    case ScheduleStepKind.Act:
                        fast.Add(b);
                        visible.Add((int)step.Source);
                        break;
                    case ScheduleStepKind.Trigger or ScheduleStepKind.Skip when level >= 0:
                        ticks[level].Add(b);
                        started[level].Add(step.Kind == ScheduleStepKind.Trigger);
                        rowEnd[level].Add(rows);
                        upstream[level].Add((int)step.Source);
                        break;
                }
            }
        }

        var levels = new SlowTimeline[chain.Length];
        for (int l = 0; l < chain.Length; l++)
        {
            ClockDefinition clock = profile.Clock(spec.Slow[chain[l]].Name);
            levels[l] = new SlowTimeline(clock.Name, clock.History > 0 ? clock.History : moduleHistory, [.. ticks[l]], [.. started[l]], [.. rowEnd[l]], [.. upstream[l]], clock.PeriodNs, clock.LatencyNs);
        }

        return new ScheduleTimeline([.. fast], [.. visible], levels, spec.BaseTickNs, spec.ActionDivisor);
    }

    /// <summary>The head source clock, then its upstream, and so on (calendar indices).</summary>
    internal static int[] Chain(CalendarSpec spec, RateProfile profile)
    {
        if (spec.HeadSource < 0)
        {
            throw new UserInputException(
                $"{profile.SourcePath ?? profile.Name}: training needs a slow clock handing its latent to the action clock '{profile.ActionClock.Name}' " +
                $"(a handoff 'to: {profile.ActionClock.Name}'); this profile has clocks [{string.Join(", ", profile.Clocks.Select(c => c.Name))}]");
        }

        var chain = new List<int>();
        for (int c = spec.HeadSource; c >= 0 && !chain.Contains(c); c = spec.Slow[c].Upstream)
        {
            chain.Add(c);
        }

        return [.. chain];
    }
}
