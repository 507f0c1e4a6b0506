using System.Text.RegularExpressions;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Tests.Faults;

namespace MultiRate.Scheduling.Tests.Ledger;

public class RunLedgerTests
{
    [Fact]
    public void Run_HeadSaysNonFinite_CountedAsNonFiniteActionsAndHeldNotAsHeadFaults()
    {
        var observer = new FaultObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(), observers: [observer]);
        h.Head.Outcome = () => h.Head.Calls is > 100 and <= 110 ? ModuleOutcome.NonFinite : ModuleOutcome.Ok;

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(500));

        Assert.Equal(10, summary.Guards["non_finite_actions"]);
        Assert.Equal(0, summary.Guards["head_faults"]);
        Assert.Equal(10, summary.Clocks.Single(c => c.Name == "head").Faults);
        Assert.Equal(10, summary.Ledger!.Total(LedgerEntry.NonFiniteAction));
        Assert.Equal(Enumerable.Range(100, 10).Select(i => (long)i), observer.Faults.Where(f => f.Kind == LedgerEntry.NonFiniteAction).Select(f => f.Tick));
        Assert.All(observer.Faults, f => Assert.Equal("head", f.Source));
        Assert.All(observer.Actions.Where(a => a.Tick is >= 100 and < 110), a => Assert.Equal(ActionKind.Hold, a.Kind));
        Assert.True(observer.ExactlyOnePerTick(500));
    }

    [Fact]
    public void Run_MixedFallbacks_OneReasonPerFallbackAndOneActionPerPeriod()
    {
        // Head throws on 5 calls, says non-finite on 3, and overruns its budget every 50th tick (cost model).
        var observer = new FaultObserver();
        using var h = new Harness(TestProfiles.ThreeLevel(), new OverrunEvery(50, "head", 500_000), observers: [observer]);
        h.Head.Outcome = () => h.Head.Calls switch
        {
            > 200 and <= 205 => ModuleOutcome.Faulted,
            > 300 and <= 303 => ModuleOutcome.NonFinite,
            _ => ModuleOutcome.Ok,
        };

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(1000));
        LedgerSnapshot l = summary.Ledger!;

        long fallbacks = summary.ActionsByKind["hold"] + summary.ActionsByKind["safe"];
        Assert.Equal(fallbacks, LedgerNames.FallbackReasons.Sum(l.Total));
        Assert.Equal(5, l.Total(LedgerEntry.HeadFault));
        Assert.Equal(3, l.Total(LedgerEntry.NonFiniteAction));
        Assert.Equal(20, l.Total(LedgerEntry.Miss));
        Assert.Equal(l.Total(LedgerEntry.Miss), l.Total(LedgerEntry.FallbackDeadline)); // virtual time: no watchdog, every miss is one deadline fallback
        Assert.Equal(20, summary.Clocks.Single(c => c.Name == "head").Misses);
        Assert.Equal(20, observer.Faults.Count(f => f.Kind == LedgerEntry.Miss));

        // Every period accounted for: each one ran (no skipped periods in virtual time) and got exactly one action.
        Assert.Equal(1000, l.Of(LedgerEntry.Tick, "head") + l.Of(LedgerEntry.SkippedPeriod, "head"));
        Assert.Equal(summary.Actions, l.Of(LedgerEntry.Tick, "head"));
        Assert.True(observer.ExactlyOnePerTick(1000));
    }

    [Fact]
    public void Fault_WithObservers_CountedAndReportedInTheSameCall()
    {
        var seen = new List<(FaultRecord Record, long CountWhenSeen)>();
        RunLedger? ledger = null;
        var observer = new Probe(r => seen.Add((r, ledger!.Count(r.Kind, "context"))));
        ledger = new RunLedger(["context", "head"], "head", [observer]);

        ledger.Fault(LedgerEntry.ContextTimeout, 0, "context", 5_000_000, 3);

        var (record, countWhenSeen) = Assert.Single(seen);
        Assert.Equal(new FaultRecord(LedgerEntry.ContextTimeout, "context", 5_000_000, 3), record);
        Assert.Equal(1, countWhenSeen);
        Assert.Equal(1, ledger.Total(LedgerEntry.ContextTimeout));
        Assert.Equal(0, ledger.Count(LedgerEntry.ContextTimeout, "head"));
    }

    [Fact]
    public void Fault_ObserverThrows_CountedAsObserverFaultAndTheFaultStillCounted()
    {
        var ledger = new RunLedger(["head"], "head", [new Probe(_ => throw new InvalidOperationException("observer bug"))]);

        ledger.Fault(LedgerEntry.SinkFault, 0, "sink", 0, 0);

        Assert.Equal(1, ledger.Total(LedgerEntry.SinkFault));
        Assert.Equal(1, ledger.Total(LedgerEntry.ObserverFault));
        Assert.Equal(1, ledger.Count(LedgerEntry.ObserverFault, ledger.Clocks.Count));
    }

    [Fact]
    public void Names_EveryEntryHasOneUniqueSnakeCaseName()
    {
        string[] names = [.. LedgerNames.All.Select(LedgerNames.Name)];

        Assert.Equal(Enum.GetValues<LedgerEntry>().Length, names.Length);
        Assert.All(names, n => Assert.Matches(new Regex("^[a-z]+(_[a-z]+)*$"), n));
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(LedgerNames.All, e => Assert.True(LedgerNames.TryParse(LedgerNames.Name(e), out LedgerEntry back) && back == e));
    }

    [Fact]
    public void Guards_PublishedKeysKeepTheirNamesAndOrder()
    {
        Assert.Equal(
            [
                "non_finite_actions", "clamped_actions", "sink_faults", "observer_faults", "head_faults", "head_overruns",
                "context_timeouts", "context_faults", "context_non_finite", "circuit_open_rejections", "circuit_opened",
                "context_abandoned_workers", "sensor_dropouts", "sensor_late", "sensor_out_of_order", "sensor_duplicates",
                "sensor_clock_jumps", "period_accounting_faults", "stop_timeouts",
            ],
            LedgerNames.Guards.Select(g => g.Key));
        Assert.Equal(LedgerEntry.Miss, LedgerNames.Guards.Single(g => g.Key == "head_overruns").Entry);
        Assert.All(LedgerNames.Guards.Where(g => g.Key != "head_overruns"), g => Assert.Equal(g.Key, LedgerNames.Name(g.Entry)));
    }

    [Fact]
    public void OfAction_EachKind_TheEntryNamedLikeIt()
    {
        Assert.All(Enum.GetValues<ActionKind>(), k => Assert.Equal(k.ToString().ToLowerInvariant(), LedgerNames.Name(LedgerNames.OfAction(k))));
    }

    [Fact]
    public void FallbackReasons_AreExactlyTheEntriesAFallbackCanCarry()
    {
        Assert.Equal(
            [LedgerEntry.FallbackDeadline, LedgerEntry.HeadFault, LedgerEntry.NonFiniteAction, LedgerEntry.FallbackStale, LedgerEntry.FallbackStop],
            LedgerNames.FallbackReasons);
        Assert.DoesNotContain(LedgerEntry.Miss, LedgerNames.FallbackReasons); // a miss is a tick, a fallback an action
    }

    /// <summary>Head ticks whose index is 7 mod <paramref name="every"/> cost one nanosecond over the budget.</summary>
    private sealed class OverrunEvery(long every, string head, long budgetNs) : IComputeCostModel
    {
        public long CostNs(string clock, long tick, long declaredNs) =>
            clock == head ? (tick % every == 7 ? budgetNs + 1 : 0) : DeclaredCostModel.Instance.CostNs(clock, tick, declaredNs);
    }

    /// <summary>Calls <paramref name="onFault"/> for each fault; ignores the rest.</summary>
    private sealed class Probe(Action<FaultRecord> onFault) : IRunObserver
    {
        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
        }

        public void OnFastTick(in FastTickRecord record)
        {
        }

        public void OnSlowTick(in SlowTickRecord record)
        {
        }

        public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
        {
        }

        public void OnFault(in FaultRecord record) => onFault(record);
    }
}
