using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using static MultiRate.Core.Schedule.ScheduleStepKind;

namespace MultiRate.Core.Tests.Schedule;

public class ScheduleCalendarTests
{
    private const long Ms = 1_000_000;

    private static CalendarSpec OneSlow(long divisor, long latencyNs, HandoffMode mode, long slowOffset = 0, long actionDivisor = 1) =>
        new(Ms, 0, actionDivisor, [new CalendarClock("context", slowOffset, divisor, latencyNs, mode, -1)], headSource: 0);

    private static long[] HeadSources(CalendarSpec spec, long baseTicks) =>
        [.. ScheduleCalendar.List(spec, baseTicks).Where(s => s.Kind == Act).Select(s => s.Source)];

    [Fact]
    public void List_DeterministicPx4Shape_HeadSeesTheLatentOneSlowPeriodLate()
    {
        // 250 Hz head on a 250 Hz base tick (4 ms), 10 Hz context, 50 ms latency.
        var spec = new CalendarSpec(4 * Ms, 0, 1, [new CalendarClock("context", 0, 25, 50 * Ms, HandoffMode.Deterministic, -1)], 0);

        long[] seen = HeadSources(spec, 100);

        Assert.All(seen.Take(25), v => Assert.Equal(-1, v));
        Assert.All(seen.Skip(25).Take(25), v => Assert.Equal(0, v));
        Assert.All(seen.Skip(50).Take(25), v => Assert.Equal(1, v));
    }

    [Fact]
    public void Next_DeterministicTick_ObservePublishTriggerActInThatOrder()
    {
        ScheduleCursor cursor = ScheduleCalendar.Open(OneSlow(10, 4 * Ms, HandoffMode.Deterministic));
        for (int b = 0; b < 10; b++)
        {
            cursor.Next();
        }

        ScheduleStep[] steps = cursor.Next().ToArray();

        Assert.Equal(
            [
                new ScheduleStep(Observe, -1, 10, 10 * Ms, -1),
                new ScheduleStep(Publish, 0, 0, 10 * Ms, -1),
                new ScheduleStep(Trigger, 0, 1, 10 * Ms, -1),
                new ScheduleStep(Act, -1, 10, 10 * Ms, 0),
            ],
            steps);
    }

    [Fact]
    public void List_LatestBetweenTicks_VisibleFromTheFirstTickAfterCompletion()
    {
        Assert.Equal([-1, -1, -1, 0, 0, 0, 0, 0, 0, 0], HeadSources(OneSlow(10, 2_500_000, HandoffMode.Latest), 10));
    }

    [Fact]
    public void Next_LatestLatencyOfOneBaseTick_CompletesBeforeThatTicksSteps()
    {
        ScheduleCursor cursor = ScheduleCalendar.Open(OneSlow(10, Ms, HandoffMode.Latest));
        cursor.Next();

        ScheduleStep[] steps = cursor.Next().ToArray();

        Assert.Equal([Complete, Publish, Observe, Act], steps.Select(s => s.Kind));
        Assert.Equal(0, steps[^1].Source);
    }

    [Fact]
    public void Next_ZeroLatency_CompletesAfterTheHeadActedOnThatTick()
    {
        ScheduleStep[] steps = ScheduleCalendar.Open(OneSlow(10, 0, HandoffMode.Latest)).Next().ToArray();

        Assert.Equal([Observe, Trigger, Act, Complete, Publish], steps.Select(s => s.Kind));
        Assert.Equal(-1, steps[2].Source);
        Assert.All(steps, s => Assert.Equal(0, s.TimeNs));
    }

    [Fact]
    public void List_LatencyOfOneAndAHalfPeriods_EverySecondTriggerSkipped()
    {
        ScheduleStep[] slow = [.. ScheduleCalendar.List(OneSlow(10, 15 * Ms, HandoffMode.Latest), 60).Where(s => s.Kind is Trigger or Skip)];

        Assert.Equal([Trigger, Skip, Trigger, Skip, Trigger, Skip], slow.Select(s => s.Kind));
        Assert.Equal([0L, 1, 2, 3, 4, 5], slow.Select(s => s.Tick));
    }

    [Fact]
    public void List_LatencyOfExactlyOnePeriod_CompletesBeforeTheNextTriggerSoNoneIsSkipped()
    {
        ScheduleStep[] steps = ScheduleCalendar.List(OneSlow(10, 10 * Ms, HandoffMode.Deterministic), 31);

        Assert.DoesNotContain(steps, s => s.Kind == Skip);
        Assert.Equal(
            [Complete, Observe, Publish, Trigger, Act],
            steps.Where(s => s.TimeNs == 10 * Ms).Select(s => s.Kind));
    }

    [Fact]
    public void List_LatencyBelowTheResolution_RoundedDownToIt()
    {
        // 1 ms + 50 ns at a 100 ns resolution lands on the next base tick; at 1 ns it falls after it.
        var coarse = OneSlow(10, Ms + 50, HandoffMode.Latest);
        var fine = new CalendarSpec(Ms, 0, 1, coarse.Slow, 0, resolutionNs: 1);

        Assert.Equal(0, HeadSources(coarse, 2)[1]);
        Assert.Equal(-1, HeadSources(fine, 2)[1]);
        Assert.Contains(new ScheduleStep(Complete, 0, 0, Ms + 50, -1), ScheduleCalendar.List(fine, 2));
    }

    [Fact]
    public void List_OffsetsAndActionDivisor_StepsOnlyWhereClocksAreDue()
    {
        ScheduleStep[] steps = ScheduleCalendar.List(OneSlow(10, 0, HandoffMode.Deterministic, slowOffset: 3, actionDivisor: 4), 24);

        Assert.Equal([0L, 4, 8, 12, 16, 20], steps.Where(s => s.Kind == Act).Select(s => s.TimeNs / Ms));
        Assert.Equal([3L, 13, 23], steps.Where(s => s.Kind == Trigger).Select(s => s.TimeNs / Ms));
    }

    [Fact]
    public void List_TwoCompletionsAtOneTime_EarlierTriggerFirstThenSlowestFirst()
    {
        // a: triggered at 0 with 6 ms; b: triggered at 2 with 4 ms; c: triggered at 2 with 4 ms, listed after b.
        var spec = new CalendarSpec(Ms, 0, 100, [
            new CalendarClock("a", 0, 100, 6 * Ms, HandoffMode.Latest, -1),
            new CalendarClock("b", 2, 100, 4 * Ms, HandoffMode.Latest, -1),
            new CalendarClock("c", 2, 100, 4 * Ms, HandoffMode.Latest, -1),
        ], -1);

        ScheduleStep[] done = [.. ScheduleCalendar.List(spec, 8).Where(s => s.Kind == Complete)];

        Assert.Equal([0, 1, 2], done.Select(s => s.Clock));
        Assert.All(done, s => Assert.Equal(6 * Ms, s.TimeNs));
    }

    [Fact]
    public void List_Chain_TriggerReadsTheUpstreamPublishedAtTheSameTick()
    {
        // planner (deterministic, 10 ms period) -> context (every 5 ms): at 10 ms the planner's snapshot 0 is
        // published before the context triggers, so that trigger reads it.
        var spec = new CalendarSpec(Ms, 0, 1, [
            new CalendarClock("planner", 0, 10, 2 * Ms, HandoffMode.Deterministic, -1),
            new CalendarClock("context", 0, 5, Ms, HandoffMode.Latest, 0),
        ], 1);

        long[] upstream = [.. ScheduleCalendar.List(spec, 21).Where(s => s.Kind == Trigger && s.Clock == 1).Select(s => s.Source)];

        Assert.Equal([-1L, -1, 0, 0, 1], upstream);
    }

    [Fact]
    public void FromProfile_DefaultShape_SlowestFirstWithModesUpstreamAndHeadSource()
    {
        var profile = new RateProfile
        {
            Name = "p",
            BaseTickHz = 1000,
            Modules = [new ModuleDefinition { Name = "m", Kind = ModuleKind.Context }, new ModuleDefinition { Name = "h", Kind = ModuleKind.ActionHead }],
            Clocks =
            [
                new ClockDefinition { Name = "context", RateHz = 10, OffsetTicks = 3, BudgetUs = 60000, LatencyUs = 40000, Module = "m" },
                new ClockDefinition { Name = "head", RateHz = 500, OffsetTicks = 1, BudgetUs = 500, Module = "h" },
                new ClockDefinition { Name = "planner", RateHz = 1, BudgetUs = 400000, Module = "m" },
            ],
            Handoffs =
            [
                new HandoffDefinition { From = "planner", To = "context", Mode = HandoffMode.Latest },
                new HandoffDefinition { From = "context", To = "head", Mode = HandoffMode.Deterministic },
            ],
            Latent = new LatentSpec { AgeLimitMs = 250 },
            Action = new ActionSpec { Dimension = 1, Safe = [0], Min = [-1], Max = [1] },
        };

        CalendarSpec spec = CalendarSpec.FromProfile(profile);

        Assert.Equal(
            [
                new CalendarClock("planner", 0, 1000, 400_000_000, HandoffMode.Latest, -1),
                new CalendarClock("context", 3, 100, 40_000_000, HandoffMode.Deterministic, 0),
            ],
            spec.Slow);
        Assert.Equal((1L, 2L, 1), (spec.ActionOffsetTicks, spec.ActionDivisor, spec.HeadSource));
        Assert.Equal(103 * Ms, spec.SlowTickTimeNs(1, 1));
    }

    [Fact]
    public void Next_SteadyState_AllocatesNothing()
    {
        var spec = new CalendarSpec(Ms, 0, 1, [
            new CalendarClock("planner", 0, 1000, 400 * Ms, HandoffMode.Deterministic, -1),
            new CalendarClock("context", 0, 100, 40 * Ms, HandoffMode.Latest, 0),
        ], 1);
        ScheduleCursor cursor = ScheduleCalendar.Open(spec);
        long sum = 0;
        for (int i = 0; i < 2000; i++)
        {
            sum += cursor.Next().Length;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sum += cursor.Next().Length;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 24_000);
    }
}
