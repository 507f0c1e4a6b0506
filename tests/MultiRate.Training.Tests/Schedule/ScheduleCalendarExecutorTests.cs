using System.Reactive.Concurrency;
using CsCheck;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Resilience;
using MultiRate.Training.Tests.Fakes;

namespace MultiRate.Training.Tests.Schedule;

/// <summary>The calendar against the real executor in virtual time, event by event.</summary>
public class ScheduleCalendarExecutorTests
{
    private const long BaseTicks = 700;

    [Fact]
    public void List_GeneratedSchedules_SameStepsInTheSameOrderAsTheExecutor()
    {
        CalendarCase.Gen.Sample(c => AssertSameAsExecutor(c.Profile(), BaseTicks), iter: 150, threads: 1, print: c => c.ToString());
    }

    [Fact]
    public void List_DefaultProfileShape_PlannerContextHeadSameAsTheExecutor()
    {
        // rates/default.yaml: 1 Hz planner -> 10 Hz context (40 ms) -> 1 kHz head, deterministic handoffs.
        var c = new CalendarCase(
            new CalendarCase.Clock(1000, 0, 0, HandoffMode.Deterministic, -1),
            [new CalendarCase.Clock(1, 0, 400_000, HandoffMode.Deterministic, -1), new CalendarCase.Clock(10, 0, 40_000, HandoffMode.Deterministic, 0)],
            HeadSource: 1);

        ScheduleStep[] steps = AssertSameAsExecutor(c.Profile(), 2500);

        // The context's triggers at 1.0 s and 2.0 s read the planner's snapshots 0 and 1, published at those very ticks.
        Assert.Contains(new ScheduleStep(ScheduleStepKind.Trigger, 1, 10, 1_000_000_000, 0), steps);
        Assert.Contains(new ScheduleStep(ScheduleStepKind.Trigger, 1, 20, 2_000_000_000, 1), steps);
    }

    /// <summary>Runs the executor in virtual time and asserts its recorded steps equal the calendar's; returns them.</summary>
    internal static ScheduleStep[] AssertSameAsExecutor(RateProfile profile, long baseTicks)
    {
        CalendarSpec spec = CalendarSpec.FromProfile(profile);
        var log = new ScheduleEventLog(spec);
        var contexts = profile.Clocks.Where(c => c != profile.ActionClock).ToDictionary(c => c.Module, c => log.NewContext(c.Name));
        using (var executor = new MultiRateExecutor(profile, log.NewHead(), contexts, log.NewSensor(), null, new ExecutorOptions
        {
            HeadFields = [0],
            ContextFields = [0],
            Recursion = 1,
            Observers = [log],

            // Latencies beyond the period are meant to keep the clock busy, not to time out.
            Resilience = new ResilienceOptions { TimeoutMultiple = 1000 },
        }))
        {
            executor.Run(new MultiRate.Scheduling.Drivers.VirtualTimeDriver(), TimeSpan.FromTicks(baseTicks * spec.BaseTickNs / 100));
        }

        // The run advances virtual time to its last tick, so completions after that time never run.
        long last = (baseTicks - 1) * spec.BaseTickNs;
        ScheduleStep[] expected = [.. ScheduleCalendar.List(spec, baseTicks).Where(s => s.TimeNs <= last)];
        int n = Math.Min(expected.Length, log.Steps.Count);
        int first = Enumerable.Range(0, n).FirstOrDefault(i => expected[i] != log.Steps[i], -1);
        if (first < 0 && expected.Length == log.Steps.Count)
        {
            return expected;
        }

        int at = first < 0 ? n : first;
        string Around(IReadOnlyList<ScheduleStep> s) => string.Join("\n  ", s.Skip(Math.Max(0, at - 4)).Take(8));
        Assert.Fail($"steps differ at {at} ({expected.Length} calendar, {log.Steps.Count} executor)\ncalendar:\n  {Around(expected)}\nexecutor:\n  {Around(log.Steps)}");
        return [];
    }
}
