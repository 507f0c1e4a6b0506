using CsCheck;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using static MultiRate.Core.Schedule.ScheduleStepKind;

namespace MultiRate.Core.Tests.Schedule;

public class ScheduleCalendarPropertyTests
{
    private const long Ms = 1_000_000;

    private static readonly Gen<CalendarClock> Clock = Gen.Select(
        Gen.Long[1, 40],
        Gen.Long[0, 39],
        Gen.Long[0, 100 * Ms],
        Gen.Bool,
        (divisor, offset, latency, latest) => new CalendarClock("c", offset % divisor, divisor, latency, latest ? HandoffMode.Latest : HandoffMode.Deterministic, -1));

    private static readonly Gen<CalendarSpec> Spec = Gen.Select(
        Gen.Long[1, 5],
        Gen.Long[0, 4],
        Clock.Array[1, 3],
        Gen.Int[0, 2],
        (divisor, offset, slow, source) => new CalendarSpec(
            Ms,
            offset % divisor,
            divisor,
            [.. slow.Select((c, i) => c with { Name = $"s{i}", Upstream = i > 0 && source == 1 ? i - 1 : -1 })],
            source % slow.Length));

    [Fact]
    public void List_AnySchedule_EveryTriggerCompletesOnceAtItsLatencyAndSkipsOnlyWhileBusy()
    {
        Spec.Sample(spec =>
        {
            ScheduleStep[] steps = ScheduleCalendar.List(spec, 300);
            var running = new long?[spec.Slow.Count];
            var triggeredAt = new long[spec.Slow.Count];
            foreach (ScheduleStep s in steps)
            {
                switch (s.Kind)
                {
                    case Trigger:
                        Assert.Null(running[s.Clock]);
                        running[s.Clock] = s.Tick;
                        triggeredAt[s.Clock] = s.TimeNs;
                        break;
                    case Skip:
                        Assert.NotNull(running[s.Clock]);
                        break;
                    case Complete:
                        Assert.Equal(running[s.Clock], s.Tick);
                        Assert.Equal(triggeredAt[s.Clock] + (spec.Slow[s.Clock].LatencyNs / 100 * 100), s.TimeNs);
                        running[s.Clock] = null;
                        break;
                }
            }
        });
    }

    [Fact]
    public void Next_AnySchedule_FramesCoverTheirBaseTickInTimeOrderAndMatchList()
    {
        Spec.Sample(spec =>
        {
            ScheduleCursor cursor = ScheduleCalendar.Open(spec);
            var all = new List<ScheduleStep>();
            for (long b = 0; b < 300; b++)
            {
                long previous = long.MinValue;
                foreach (ScheduleStep s in cursor.Next())
                {
                    Assert.InRange(s.TimeNs, b * Ms, ((b + 1) * Ms) - 1);
                    Assert.True(s.TimeNs >= previous);
                    previous = s.TimeNs;
                    all.Add(s);
                }
            }

            Assert.Equal(ScheduleCalendar.List(spec, 300), all);
        });
    }

    [Fact]
    public void List_AnySchedule_ReadersNeverGoBackInTimeAndSeeOnlyPublishedTicks()
    {
        Spec.Sample(spec =>
        {
            var published = new HashSet<(int, long)>();
            long lastSeen = -1;
            foreach (ScheduleStep s in ScheduleCalendar.List(spec, 300))
            {
                if (s.Kind == Publish)
                {
                    Assert.True(published.Add((s.Clock, s.Tick)));
                }
                else if (s.Kind == Act)
                {
                    Assert.True(s.Source >= lastSeen);
                    Assert.True(s.Source < 0 || published.Contains((spec.HeadSource, s.Source)));
                    lastSeen = s.Source;
                }
                else if (s.Kind == Trigger && spec.Slow[s.Clock].Upstream is int up and >= 0)
                {
                    Assert.True(s.Source < 0 || published.Contains((up, s.Source)));
                }
            }
        });
    }
}
