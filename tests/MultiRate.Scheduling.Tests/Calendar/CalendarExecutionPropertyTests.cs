using CsCheck;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Tests.Calendar;

/// <summary>
/// The executor against the schedule calendar over generated schedules, with and without injected
/// faults: its structural steps are the calendar's rows, exactly; without faults its events are the
/// calendar's predictions, exactly; with faults every divergence from the prediction has its reason
/// (busy: a skip; a late cost; a timeout or an exception: a counted fault).
/// </summary>
public class CalendarExecutionPropertyTests
{
    private const long BaseTicks = 700;

    [Fact]
    public void Tick_GeneratedSchedulesAndFaults_StepsAreTheCalendarsRowsAndEveryDivergenceIsCounted()
    {
        CalendarCase.FaultyGen.Sample(c => Check(c), iter: 150, threads: 1, print: c => c.ToString());
    }

    [Fact]
    public void Tick_ContextWithEveryKindOfFault_DivergesOnlyWhereTheFaultsSay()
    {
        // 1 kHz head; a 25 Hz planner (30 ms, deterministic) feeding a 100 Hz context (4 ms, latest); faults drawn from the seed.
        var c = new CalendarCase(
            new CalendarCase.Clock(1000, 0, 0, HandoffMode.Deterministic, -1),
            [new CalendarCase.Clock(25, 3, 30_000, HandoffMode.Deterministic, -1), new CalendarCase.Clock(100, 0, 4_000, HandoffMode.Latest, 0)],
            HeadSource: 1,
            Faults: true,
            Seed: 7);

        ScheduleEventLog log = Check(c);

        // The plan has every kind of fault here, and the run shows each of them.
        InjectedFault[] drawn = [.. Enumerable.Range(0, 70).Select(t => c.FaultAt(1, t))];
        Assert.Contains(InjectedFault.Late, drawn);
        Assert.Contains(InjectedFault.Hang, drawn);
        Assert.Contains(InjectedFault.Throw, drawn);
        Assert.Contains(log.Faults, f => f.Kind == LedgerEntry.ContextTimeout);
        Assert.Contains(log.Faults, f => f.Kind == LedgerEntry.ContextFault);
        Assert.Contains(log.Steps, s => s.Kind == ScheduleStepKind.Skip);
    }

    private static ScheduleEventLog Check(CalendarCase c)
    {
        RateProfile profile = c.Profile();
        CalendarSpec spec = CalendarSpec.FromProfile(profile);
        var log = new ScheduleEventLog(spec, c);
        var contexts = Enumerable.Range(0, c.Slow.Length).ToDictionary(i => $"m{i}", log.NewContext);
        RunLedger ledger;
        using (var executor = new MultiRateExecutor(profile, log.NewHead(), contexts, log.NewSensor(), null, new ExecutorOptions
        {
            HeadFields = [0],
            ContextFields = [0],
            Recursion = 1,
            Observers = [log],
            Resilience = CalendarCase.Resilience,
            CostModel = new CalendarCase.Costs(c),
        }))
        {
            executor.Run(new VirtualTimeDriver(), TimeSpan.FromTicks(BaseTicks * spec.BaseTickNs / 100));
            ledger = executor.Ledger;
        }

        long last = (BaseTicks - 1) * spec.BaseTickNs;
        AssertStructure(spec, log);
        if (!c.Faults)
        {
            // No fault: the prediction holds event for event (completions after the last tick never run).
            AssertSame([.. ScheduleCalendar.List(spec, BaseTicks).Where(s => s.TimeNs <= last)], log.Steps, "prediction");
        }

        for (int k = 0; k < spec.Slow.Count; k++)
        {
            AssertDivergencesExplained(c, profile, spec, log, ledger, k, last);
        }

        Assert.Equal(0, ledger.Total(LedgerEntry.CircuitRejected));
        return log;
    }

    /// <summary>The executor's observe, publish points that published, triggers (started or skipped) and acts are the calendar's rows.</summary>
    private static void AssertStructure(CalendarSpec spec, ScheduleEventLog log)
    {
        var executed = new List<ScheduleStep>();
        foreach (ScheduleStep s in log.Steps)
        {
            switch (s.Kind)
            {
                case ScheduleStepKind.Observe or ScheduleStepKind.Act:
                    executed.Add(s with { Source = -1 });
                    break;
                case ScheduleStepKind.Trigger or ScheduleStepKind.Skip:
                    executed.Add(new ScheduleStep(ScheduleStepKind.Trigger, s.Clock, s.Tick, s.TimeNs, -1));
                    break;
                case ScheduleStepKind.Publish when spec.Slow[s.Clock].Handoff == HandoffMode.Deterministic:
                    // A deterministic publish is a publish point's outcome: the clock's due tick at that time.
                    executed.Add(new ScheduleStep(ScheduleStepKind.Publish, s.Clock, spec.Slow[s.Clock].DueTick(s.TimeNs / spec.BaseTickNs), s.TimeNs, -1));
                    break;
                default:
                    break; // completions and latest-mode publishes are outcomes between the rows
            }
        }

        // A publish point with nothing held publishes nothing, which leaves no trace to compare.
        var published = executed.Where(s => s.Kind == ScheduleStepKind.Publish).Select(s => (s.Clock, s.TimeNs)).ToHashSet();
        ScheduleStep[] rows = [.. ScheduleCalendar.ListRows(spec, BaseTicks).Where(s => s.Kind != ScheduleStepKind.Publish || published.Contains((s.Clock, s.TimeNs)))];
        AssertSame(rows, executed, "structure");
    }

    /// <summary>
    /// Clock <paramref name="k"/>: a trigger starts exactly when the previous update has ended and is
    /// skipped (counted) exactly while it runs; every update ends where its injected fault says, and
    /// the ledger counts the timeouts and exceptions, each with a fault event naming the clock.
    /// </summary>
    private static void AssertDivergencesExplained(CalendarCase c, RateProfile profile, CalendarSpec spec, ScheduleEventLog log, RunLedger ledger, int k, long last)
    {
        string name = spec.Slow[k].Name;
        int generated = int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        // Polly arms its timeout as a timer in whole milliseconds, so a timeout ends at the millisecond below.
        long timeoutNs = CalendarCase.Resilience.TimeoutOf(profile.Clock(name)).Ticks * 100 / 1_000_000 * 1_000_000;
        long running = -1;
        var started = new List<(long Tick, long TimeNs)>();
        long skips = 0;
        foreach (ScheduleStep s in log.Steps.Where(s => s.Clock == k))
        {
            switch (s.Kind)
            {
                case ScheduleStepKind.Trigger:
                    Assert.True(running < 0, $"{name} tick {s.Tick} started while tick {running} still ran");
                    running = s.Tick;
                    started.Add((s.Tick, s.TimeNs));
                    break;
                case ScheduleStepKind.Skip:
                    Assert.True(running >= 0, $"{name} tick {s.Tick} skipped with no update running");
                    skips++;
                    break;
                case ScheduleStepKind.Complete:
                    Assert.Equal(running, s.Tick);
                    running = -1;
                    break;
                default:
                    break;
            }
        }

        Assert.Equal(ScheduleCalendar.ListRows(spec, BaseTicks).Count(s => s.Kind == ScheduleStepKind.Trigger && s.Clock == k), ledger.Count(LedgerEntry.Tick, name));
        Assert.Equal(skips, ledger.Count(LedgerEntry.SkippedTrigger, name));

        long timeouts = 0;
        long thrown = 0;
        foreach ((long tick, long t) in started)
        {
            InjectedFault fault = c.FaultAt(generated, tick);
            long cost = fault == InjectedFault.Hang ? long.MaxValue : c.CostNs(generated, tick) / 100 * 100;
            bool tie = cost == timeoutNs;
            bool timedOut = cost > timeoutNs;
            long end = t + (timedOut ? timeoutNs : cost);
            if (!log.Finished.TryGetValue((k, tick), out SlowTickRecord done))
            {
                Assert.True(end > last, $"{name} tick {tick} due to end at {end} never ended");
                continue;
            }

            if (tie)
            {
                // The delay and the timeout fall due together: either may win, but the ledger counts the one that did.
                Assert.Equal(end, done.FinishedNs);
                bool lost = log.Faults.Any(f => f.Source == name && f.Tick == tick && f.Kind == LedgerEntry.ContextTimeout);
                timeouts += lost ? 1 : 0;
                thrown += !lost && fault == InjectedFault.Throw ? 1 : 0;
                Assert.Equal(lost || fault == InjectedFault.Throw ? SlowTickOutcome.Faulted : SlowTickOutcome.Completed, done.Outcome);
                continue;
            }

            timeouts += timedOut ? 1 : 0;
            thrown += !timedOut && fault == InjectedFault.Throw ? 1 : 0;
            SlowTickOutcome outcome = timedOut || fault == InjectedFault.Throw ? SlowTickOutcome.Faulted : SlowTickOutcome.Completed;
            Assert.True((end, outcome) == (done.FinishedNs, done.Outcome), $"{name} tick {tick} ({fault}, cost {cost}, timeout {timeoutNs}): expected {outcome} at {end}, got {done.Outcome} at {done.FinishedNs}");
        }

        Assert.Equal(timeouts, ledger.Count(LedgerEntry.ContextTimeout, name));
        Assert.Equal(thrown, ledger.Count(LedgerEntry.ContextFault, name));
        Assert.Equal(timeouts + thrown, log.Faults.Count(f => f.Source == name));
    }

    private static void AssertSame(IReadOnlyList<ScheduleStep> expected, IReadOnlyList<ScheduleStep> actual, string what)
    {
        int n = Math.Min(expected.Count, actual.Count);
        int first = Enumerable.Range(0, n).FirstOrDefault(i => expected[i] != actual[i], -1);
        if (first < 0 && expected.Count == actual.Count)
        {
            return;
        }

        int at = first < 0 ? n : first;
        string Around(IReadOnlyList<ScheduleStep> s) => string.Join("\n  ", s.Skip(Math.Max(0, at - 4)).Take(8));
        Assert.Fail($"{what}: steps differ at {at} ({expected.Count} calendar, {actual.Count} executor)\ncalendar:\n  {Around(expected)}\nexecutor:\n  {Around(actual)}");
    }
}
