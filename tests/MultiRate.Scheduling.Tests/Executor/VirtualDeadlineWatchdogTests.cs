using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

/// <summary>
/// The deadline watchdog in virtual time, exactly: base ticks that wake late are modelled by the virtual
/// driver, and the watchdog runs on the same virtual scheduler as the graph. 1 kHz head, 500 us budget.
/// </summary>
public class VirtualDeadlineWatchdogTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Run_WakeLaterThanTheBudget_SafeActionAtTickPlusBudgetAndTheHeadResultDropped()
    {
        var observer = new CollectingObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(headOverrun: OverrunPolicy.SafeAction), observers: [observer]);

        var summary = h.Run(TimeSpan.FromMilliseconds(200), new VirtualTimeDriver { WakeLatenessNs = k => k == 100 ? 700_000 : 0 });

        OneActionPerTick(h.Sink, 200);
        var safe = h.Sink.Actions.Where(a => a.Kind == ActionKind.Safe).ToList();
        Assert.Equal((100 * Ms) + 500_000, Assert.Single(safe, a => a.Tick == 100).TimeNs);
        Assert.Single(safe);
        Assert.Equal(FastTickOutcome.Dropped, Assert.Single(observer.Fast, f => f.Tick == 100).Outcome);
        Assert.Equal(1, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(0, summary.Clocks.Single(c => c.Name == "head").SkippedPeriods);
    }

    [Fact]
    public void Run_WakeLateWithinTheBudget_HeadClaimsItsTickAndNoFallback()
    {
        using var h = new Harness(TestProfiles.ThreeLevel(headOverrun: OverrunPolicy.SafeAction));

        var summary = h.Run(TimeSpan.FromMilliseconds(200), new VirtualTimeDriver { WakeLatenessNs = k => k == 100 ? 499_000 : 0 });

        OneActionPerTick(h.Sink, 200);
        Assert.DoesNotContain(h.Sink.Actions, a => a.Kind == ActionKind.Safe);
        Assert.Equal(0, summary.Clocks.Single(c => c.Name == "head").Misses);
    }

    [Fact]
    public void Run_WakePastTheNextTick_WatchdogCoversBothTicksAndTheSkippedPeriodIsCounted()
    {
        using var h = new Harness(TestProfiles.ThreeLevel(headOverrun: OverrunPolicy.Hold));

        var summary = h.Run(TimeSpan.FromMilliseconds(200), new VirtualTimeDriver { WakeLatenessNs = k => k == 100 ? 1_600_000 : 0 });

        // Tick 100 wakes at 101.6 ms: the watchdog sent holds for 100 and 101 at their deadlines; the wake
        // runs tick 101 (the latest due), whose result is dropped (a miss); 100 is skipped (a fallback and a
        // skipped period, not a miss: docs/vocabulary.md); one action per tick still.
        OneActionPerTick(h.Sink, 200);
        var holds = h.Sink.Actions.Where(a => a.Kind == ActionKind.Hold).Select(a => (a.Tick, a.TimeNs)).ToList();
        Assert.Equal([(100, (100 * Ms) + 500_000), (101, (101 * Ms) + 500_000)], holds);
        var head = summary.Clocks.Single(c => c.Name == "head");
        Assert.Equal(1, head.SkippedPeriods);
        Assert.Equal(1, head.Misses);
        Assert.Equal(2, summary.Ledger!.Of(LedgerEntry.FallbackDeadline, "head"));
    }

    [Fact]
    public void Run_ReloadedLongerBudget_WatchdogDeadlinesMoveWithIt()
    {
        RateProfile profile = TestProfiles.ThreeLevel(headOverrun: OverrunPolicy.SafeAction);
        RateProfile longer = profile with { Clocks = [.. profile.Clocks.Select(c => c.Name == "head" ? c with { BudgetUs = 800 } : c)] };
        using var h = new Harness(profile);
        h.Sink.OnWrite = tick =>
        {
            if (tick == 50)
            {
                h.Executor.Reload(longer);
            }
        };

        // 700 us late at tick 20 (over the 500 us budget) and at tick 120 (inside the reloaded 800 us one).
        h.Run(TimeSpan.FromMilliseconds(200), new VirtualTimeDriver { WakeLatenessNs = k => k is 20 or 120 ? 700_000 : 0 });

        OneActionPerTick(h.Sink, 200);
        var safe = h.Sink.Actions.Where(a => a.Kind == ActionKind.Safe).Select(a => (a.Tick, a.TimeNs)).ToList();
        Assert.Equal([(20, (20 * Ms) + 500_000)], safe);
    }

    [Fact]
    public void Run_VirtualDriverWithoutLateWakes_SameActionsAsWithTheWatchdogOff()
    {
        using var plain = new Harness(TestProfiles.ThreeLevel());
        using var guarded = new Harness(TestProfiles.ThreeLevel());

        var a = plain.Run(TimeSpan.FromMilliseconds(300));
        var b = guarded.Run(TimeSpan.FromMilliseconds(300), new VirtualTimeDriver { WakeLatenessNs = _ => 0 });

        Assert.Equal(a.ActionsSha256, b.ActionsSha256);
        Assert.Equal(300, b.Actions);
    }

    private static void OneActionPerTick(RecordingSink sink, int ticks)
    {
        Assert.Equal(ticks, sink.Actions.Count);
        Assert.Equal(Enumerable.Range(0, ticks).Select(i => (long)i), sink.Actions.Select(a => a.Tick).Order());
    }
}
