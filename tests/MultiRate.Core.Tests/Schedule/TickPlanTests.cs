using CsCheck;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using static MultiRate.Core.Schedule.ScheduleStepKind;

namespace MultiRate.Core.Tests.Schedule;

public class TickPlanTests
{
    private const long Ms = 1_000_000;

    private static readonly Gen<CalendarSpec> Spec = Gen.Select(
        Gen.Long[1, 5],
        Gen.Long[0, 4],
        Gen.Select(Gen.Long[1, 40], Gen.Long[0, 39], Gen.Long[0, 100 * Ms], Gen.Bool).Array[1, 3],
        Gen.Int[0, 2],
        (divisor, offset, slow, source) => new CalendarSpec(
            Ms,
            offset % divisor,
            divisor,
            [.. slow.Select((c, i) => new CalendarClock($"s{i}", c.Item2 % c.Item1, c.Item1, c.Item3, c.Item4 ? HandoffMode.Latest : HandoffMode.Deterministic, -1))],
            source % slow.Length));

    [Fact]
    public void Row_DeterministicAndLatestDue_ObservePublishPointsTriggersActSlowestFirst()
    {
        var spec = new CalendarSpec(Ms, 0, 1, [
            new CalendarClock("planner", 0, 1000, 400 * Ms, HandoffMode.Deterministic, -1),
            new CalendarClock("context", 0, 100, 40 * Ms, HandoffMode.Latest, 0),
            new CalendarClock("fast", 0, 10, 4 * Ms, HandoffMode.Deterministic, 1),
        ], 2);
        var plan = new TickPlan(spec);

        // Base tick 1000: everything due; only the deterministic clocks have a publish point.
        ScheduleStep[] row = plan.Row(1000).ToArray();

        Assert.Equal(
            [
                new ScheduleStep(Observe, -1, 1000, 1000 * Ms, -1),
                new ScheduleStep(Publish, 0, 1, 1000 * Ms, -1),
                new ScheduleStep(Publish, 2, 100, 1000 * Ms, -1),
                new ScheduleStep(Trigger, 0, 1, 1000 * Ms, -1),
                new ScheduleStep(Trigger, 1, 10, 1000 * Ms, -1),
                new ScheduleStep(Trigger, 2, 100, 1000 * Ms, -1),
                new ScheduleStep(Act, -1, 1000, 1000 * Ms, -1),
            ],
            row);
        Assert.Equal([new ScheduleStep(Observe, -1, 1001, 1001 * Ms, -1), new ScheduleStep(Act, -1, 1001, 1001 * Ms, -1)], plan.Row(1001).ToArray());
    }

    [Fact]
    public void Row_AnyScheduleAnyLatencies_IsTheCursorsStructureAndItsPredictionFollowsIt()
    {
        Spec.Sample(spec =>
        {
            var plan = new TickPlan(spec);
            ScheduleCursor cursor = ScheduleCalendar.Open(spec);
            for (long b = 0; b < 300; b++)
            {
                ScheduleStep[] predicted = cursor.Next().ToArray();
                ScheduleStep[] row = plan.Row(b).ToArray();
                Assert.Equal(row, cursor.Row.ToArray());

                // The prediction's steps at the base tick's own time, completions aside, are the row's steps
                // in the row's order: a trigger started or skipped, a publish point that had something held.
                ScheduleStep[] structural = [.. predicted.Where(s => s.Kind is Observe or Trigger or Skip or Act || (s.Kind == Publish && s.TimeNs == b * Ms && spec.Slow[s.Clock].Handoff == HandoffMode.Deterministic))];
                Assert.True(IsOrderedSubsetOfRow(structural, row), $"base tick {b}: [{string.Join(", ", structural)}] against row [{string.Join(", ", row)}]");
                Assert.Equal(row.Count(s => s.Kind is Observe or Trigger or Act), structural.Count(s => s.Kind is not Publish));
            }
        });
    }

    [Fact]
    public void Row_JumpsOverSkippedPeriods_SameRowAsWalkingThereTickByTick()
    {
        Gen.Select(Spec, Gen.Long[1, 50].Array[1, 20]).Sample((spec, jumps) =>
        {
            var jumping = new TickPlan(spec);
            var walking = new TickPlan(spec);
            long b = 0;
            long walked = 0;
            foreach (long jump in jumps)
            {
                b += jump;
                while (walked < b)
                {
                    walking.Row(walked++);
                }

                Assert.Equal(walking.Row(walked++).ToArray(), jumping.Row(b).ToArray());
            }
        });
    }

    [Fact]
    public void Row_SteadyState_AllocatesNothing()
    {
        var spec = new CalendarSpec(Ms, 0, 1, [
            new CalendarClock("planner", 0, 1000, 400 * Ms, HandoffMode.Deterministic, -1),
            new CalendarClock("context", 0, 100, 40 * Ms, HandoffMode.Latest, 0),
        ], 1);
        var plan = new TickPlan(spec);
        long sum = 0;
        for (long b = 0; b < 2000; b++)
        {
            sum += plan.Row(b).Length;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long b = 2000; b < 12_000; b++)
        {
            sum += plan.Row(b).Length;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 24_000);
    }

    [Fact]
    public void ListRows_OneSlowClock_EveryBaseTickObservesAndActsAndTheClockTriggersOnItsTicks()
    {
        var spec = new CalendarSpec(Ms, 0, 1, [new CalendarClock("context", 3, 10, 40 * Ms, HandoffMode.Deterministic, -1)], 0);

        ScheduleStep[] rows = ScheduleCalendar.ListRows(spec, 100);

        Assert.Equal(100, rows.Count(s => s.Kind == Observe));
        Assert.Equal(100, rows.Count(s => s.Kind == Act));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)(3 + (10 * i)) * Ms), rows.Where(s => s.Kind == Trigger).Select(s => s.TimeNs));
        Assert.Equal(rows.Where(s => s.Kind == Trigger).Select(s => (s.Tick, s.TimeNs)), rows.Where(s => s.Kind == Publish).Select(s => (s.Tick, s.TimeNs)));
    }

    /// <summary>True when <paramref name="steps"/> appear in <paramref name="row"/>'s order, a skip standing for its trigger and a publish for its clock's publish point.</summary>
    private static bool IsOrderedSubsetOfRow(ScheduleStep[] steps, ScheduleStep[] row)
    {
        int r = 0;
        foreach (ScheduleStep s in steps)
        {
            while (r < row.Length && !Matches(s, row[r]))
            {
                r++;
            }

            if (r++ == row.Length)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ScheduleStep step, ScheduleStep point) => step.Kind switch
    {
        Skip => point.Kind == Trigger && point.Clock == step.Clock && point.Tick == step.Tick,
        Publish => point.Kind == Publish && point.Clock == step.Clock && point.TimeNs == step.TimeNs,
        _ => point.Kind == step.Kind && point.Clock == step.Clock && point.Tick == step.Tick && point.TimeNs == step.TimeNs,
    };
}
