using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.RealTime;

namespace MultiRate.Scheduling.Tests.RealTime;

// Behaviour only: these tests never assert on how precise the wake-ups are (that is `multirate bench scheduler`).
public class RealTimeSchedulerTests
{
    [Fact]
    public void SchedulePeriodic_RunsOnDedicatedThread()
    {
        using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { ThreadName = "rt-test" });
        var names = new List<string?>();
        using var done = new CountdownEvent(5);
        using (scheduler.SchedulePeriodic(0, TimeSpan.FromMilliseconds(1), n =>
        {
            lock (names)
            {
                names.Add(Thread.CurrentThread.Name);
            }

            if (!done.IsSet)
            {
                done.Signal();
            }

            return n + 1;
        }))
        {
            Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        }

        lock (names)
        {
            Assert.All(names, n => Assert.Equal("rt-test", n));
        }
    }

    [Fact]
    public void SchedulePeriodic_Overrun_SkipsWholePeriodsWithoutBurst()
    {
        using var scheduler = new RealTimeScheduler();
        var stamps = new List<long>();
        using var done = new ManualResetEventSlim();
        using (scheduler.SchedulePeriodic(0, TimeSpan.FromMilliseconds(2), n =>
        {
            stamps.Add(NativeClock.MonotonicNs());
            if (n == 2)
            {
                Thread.Sleep(15); // overrun by more than 7 periods
            }

            if (n == 6)
            {
                done.Set();
            }

            return n + 1;
        }))
        {
            Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        }

        Assert.True(scheduler.SkippedPeriods >= 7, $"skipped {scheduler.SkippedPeriods}");
        // No catch-up burst. The scheduler never runs a tick before its deadline, and without a burst
        // each tick after the overrun starts in its own period: ticks 3..6 then span at least three
        // period boundaries, so more than two periods pass between the starts of ticks 3 and 6 however
        // late any one of them is woken. A burst would run the skipped periods back to back (microseconds).
        const long PeriodNs = 2_000_000;
        Assert.True(
            stamps[6] - stamps[3] > 2 * PeriodNs,
            $"ticks 3..6 started within {(stamps[6] - stamps[3]) / 1000} us: the skipped periods were run as a burst");
    }

    [Fact]
    public void Schedule_AbsoluteTimes_RunInDueOrderFifoForTies()
    {
        using var scheduler = new RealTimeScheduler();
        var order = new List<string>();
        using var done = new CountdownEvent(4);
        DateTimeOffset due = scheduler.Now + TimeSpan.FromMilliseconds(20);
        void Add(string s)
        {
            lock (order)
            {
                order.Add(s);
            }

            done.Signal();
        }

        scheduler.Schedule(due + TimeSpan.FromMilliseconds(5), () => Add("late"));
        scheduler.Schedule(due, () => Add("a"));
        scheduler.Schedule(due, () => Add("b"));
        scheduler.Schedule(due - TimeSpan.FromMilliseconds(5), () => Add("early"));
        Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(["early", "a", "b", "late"], order);
    }

    [Fact]
    public void Work_Throws_ClockKeepsTickingAndCountsFault()
    {
        using var scheduler = new RealTimeScheduler();
        using var done = new ManualResetEventSlim();
        using (scheduler.SchedulePeriodic(0, TimeSpan.FromMilliseconds(1), n =>
        {
            if (n == 1)
            {
                throw new InvalidOperationException("boom");
            }

            if (n >= 3)
            {
                done.Set();
            }

            return n + 1;
        }))
        {
            // A throwing call does not advance the state, so n stays 1: done is never set, and every tick counts a fault.
            Assert.False(done.Wait(TimeSpan.FromMilliseconds(50)));
        }

        Assert.True(scheduler.Faults >= 2);
        Assert.IsType<InvalidOperationException>(scheduler.FirstFault);
    }

    [Fact]
    public void PreparePeriodicPath_CountsNothingOnTheScheduler()
    {
        using var scheduler = new RealTimeScheduler();
        using var done = new ManualResetEventSlim();
        scheduler.Schedule(() =>
        {
            scheduler.RequireCapability<IClockThreadWarmUp>().PreparePeriodicPath(); // on the clock thread, as the real-time start-up calls it
            done.Set();
        });
        Assert.True(done.Wait(TimeSpan.FromSeconds(30)));

        // Its deadline book skips ten periods and its work item runs once: none of it is the scheduler's.
        Assert.Equal(0, scheduler.SkippedPeriods);
        Assert.Equal(0, scheduler.Faults);
    }

    [Fact]
    public void ScheduleTicks_RealTime_NeverHandsAnIndexTwiceOrOutOfOrder()
    {
        using var scheduler = new RealTimeScheduler();
        ITickScheduler ticks = scheduler.RequireCapability<ITickScheduler>();
        long[] runs = new long[20];
        int count = 0;
        using var done = new ManualResetEventSlim();
        long first = scheduler.RequireCapability<INanosecondClock>().NowNs + 5_000_000;
        using (ticks.ScheduleTicks(first, 1_000_000, k =>
        {
            if (count < runs.Length)
            {
                runs[count++] = k;
                if (count == runs.Length)
                {
                    done.Set();
                }
            }
        }))
        {
            Assert.True(done.Wait(TimeSpan.FromSeconds(30)));
        }

        // Behaviour, not timing: indices only grow (a late wake hands the latest tick due, never a repeat);
        // which ticks a loaded machine skips is not asserted here (TickWorkTests pins that down exactly).
        Assert.True(runs[0] >= 0);
        Assert.True(runs.Zip(runs.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public void GetService_RealTimeScheduler_OffersEveryCapabilityAndNothingElse()
    {
        using var scheduler = new RealTimeScheduler();
        Assert.Same(scheduler, scheduler.GetCapability<ITickScheduler>());
        Assert.Same(scheduler, scheduler.GetCapability<INanosecondClock>());
        Assert.Same(scheduler, scheduler.GetCapability<ISchedulerPeriodic>());
        Assert.Null(scheduler.GetCapability<ISchedulerLongRunning>());
    }

    [Fact]
    public void ObservableInterval_OnRealTimeScheduler_Works()
    {
        using var scheduler = new RealTimeScheduler();
        long[] values = Observable.Interval(TimeSpan.FromMilliseconds(1), scheduler).Take(5).ToArray().Wait();
        Assert.Equal([0L, 1L, 2L, 3L, 4L], values);
    }
}
