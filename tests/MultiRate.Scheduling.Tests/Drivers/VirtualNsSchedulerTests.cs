using System.Reactive.Concurrency;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Drivers;

public class VirtualNsSchedulerTests
{
    private const long First = 1_000_000_037; // not a multiple of 100 ns: the clock is exact nanoseconds
    private const long Period = 333_333;

    [Fact]
    public void ScheduleTicks_OnTime_TickKRunsAtFirstPlusKPeriodsWithIndexK()
    {
        var scheduler = new VirtualNsScheduler(startNs: 5);
        var runs = new List<(long Tick, long AtNs)>();
        using IDisposable work = scheduler.RequireCapability<ITickScheduler>().ScheduleTicks(First, Period, k => runs.Add((k, scheduler.NowNs)));

        scheduler.AdvanceTo(First + (4 * Period));

        Assert.Equal([(0, First), (1, First + Period), (2, First + (2 * Period)), (3, First + (3 * Period)), (4, First + (4 * Period))], runs);
    }

    [Fact]
    public void ScheduleTicks_WakePastTheNextDeadline_RunsTheLatestTickDueAndSkipsTheOnesBefore()
    {
        var scheduler = new VirtualNsScheduler();
        var runs = new List<(long Tick, long AtNs)>();
        using IDisposable work = scheduler.ScheduleTicks(First, Period, k => runs.Add((k, scheduler.NowNs)), k => k == 2 ? (5 * Period) / 2 : 0);

        scheduler.AdvanceTo(First + (6 * Period));

        // Tick 2 wakes 2.5 periods late (at 4.5): it runs as tick 4, the latest due; 2 and 3 are skipped, 5 is on time.
        Assert.Equal([(0, First), (1, First + Period), (4, First + (9 * Period / 2)), (5, First + (5 * Period)), (6, First + (6 * Period))], runs);
    }

    [Fact]
    public void ScheduleTicks_WorkDueAtTheNextTick_RunsBeforeIt()
    {
        // The tie rule: the next tick is booked after the current one's work, so work that work scheduled
        // for the same instant runs first (as under Rx's own periodic emulation on HistoricalScheduler).
        var scheduler = new VirtualNsScheduler();
        var order = new List<string>();
        using IDisposable work = scheduler.ScheduleTicks(0, Period, k =>
        {
            order.Add("tick " + k);
            if (k == 0)
            {
                scheduler.Schedule(TimeSpan.Zero, () => order.Add("now"));
                scheduler.ScheduleAbsolute(0, Period, (_, _) =>
                {
                    order.Add("at tick 1");
                    return System.Reactive.Disposables.Disposable.Empty;
                });
            }
        });

        scheduler.AdvanceTo(Period);

        Assert.Equal(["tick 0", "now", "at tick 1", "tick 1"], order);
    }

    [Fact]
    public void ScheduleTicks_QueuedWorkDueAtATickBookedAfterThatTickWasBooked_StillRunsFirst()
    {
        // The tie rule is the scheduler's, not an accident of booking order: work queued for a tick's
        // wake time runs before that tick even when it was queued after the tick was booked (here by
        // work that ran between two ticks).
        var scheduler = new VirtualNsScheduler();
        var order = new List<string>();
        using IDisposable work = scheduler.ScheduleTicks(0, Period, k => order.Add("tick " + k));
        scheduler.ScheduleAbsolute(0, Period / 2, (_, _) =>
        {
            order.Add("between");
            scheduler.ScheduleAbsolute(0, Period, (_, _) =>
            {
                order.Add("at tick 1");
                return System.Reactive.Disposables.Disposable.Empty;
            });
            return System.Reactive.Disposables.Disposable.Empty;
        });

        scheduler.AdvanceTo(Period + (Period / 2));

        Assert.Equal(["tick 0", "between", "at tick 1", "tick 1"], order);
    }

    [Fact]
    public void ScheduleTicks_TwoLinesWakingTogether_RunInTheOrderTheyWereBooked()
    {
        var scheduler = new VirtualNsScheduler();
        var order = new List<string>();
        using IDisposable a = scheduler.ScheduleTicks(0, 2 * Period, k => order.Add("a" + k));
        using IDisposable b = scheduler.ScheduleTicks(0, Period, k => order.Add("b" + k));

        scheduler.AdvanceTo(2 * Period);

        // At 0 a was booked first; at 2P, a re-booked (at 0) before b's booking for 2P (at P).
        Assert.Equal(["a0", "b0", "b1", "a1", "b2"], order);
    }

    [Fact]
    public void ScheduleTicks_SteadyState_ATickAllocatesNothing()
    {
        var scheduler = new VirtualNsScheduler();
        long runs = 0;
        using IDisposable work = scheduler.ScheduleTicks(0, Period, _ => runs++);
        using var done = new ManualResetEventSlim();

        (long allocated, _) = SteadyStateAllocation.Measure(i => scheduler.AdvanceUntil(i * Period, done), 10_000, firstCall: 1);

        Assert.Equal(0, allocated);
        Assert.True(runs > 10_000);
    }

    [Fact]
    public void ScheduleTicks_Disposed_RunsNoMore()
    {
        var scheduler = new VirtualNsScheduler();
        int runs = 0;
        IDisposable? work = null;
        work = scheduler.ScheduleTicks(0, Period, k =>
        {
            runs++;
            if (k == 2)
            {
                work!.Dispose();
            }
        });

        scheduler.AdvanceTo(10 * Period);

        Assert.Equal(3, runs);
    }

    [Fact]
    public void GetService_OffersClockAndTicks_NowIsUnixEpochPlusNanoseconds()
    {
        var scheduler = new VirtualNsScheduler(startNs: 1_500);
        Assert.Same(scheduler, scheduler.GetCapability<INanosecondClock>());
        Assert.Same(scheduler, scheduler.GetCapability<ITickScheduler>());
        Assert.NotNull(scheduler.GetCapability<IStopwatchProvider>());
        Assert.Null(scheduler.GetCapability<ISchedulerPeriodic>());
        Assert.Equal(DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(15), scheduler.Now);
    }
}
