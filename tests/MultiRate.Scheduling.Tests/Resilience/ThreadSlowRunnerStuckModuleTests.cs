using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Resilience;

/// <summary>
/// Real-time slow path with a module that gets stuck: timeout, abandoned worker, no re-entry while the
/// stuck call is inside the module, late result discarded, fresh worker afterwards. Real threads and
/// Polly on system time, so only ordering and counts are asserted (every wait is bounded).
/// </summary>
public sealed class ThreadSlowRunnerStuckModuleTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly BlockingContext _module = new();
    private readonly SignallingObserver _observer = new();
    private readonly ObservationHistory _history = new(4, 1);
    private readonly RunLedger _ledger;
    private readonly SlowStage _stage;
    private readonly ThreadSlowRunner _runner;

    public ThreadSlowRunnerStuckModuleTests()
    {
        // The test profile's context clock: 10 Hz, budget 60 ms; timeout 40 x 60 ms = 2.4 s, so the
        // healthy calls of a loaded test machine (fresh worker thread, cold JIT) never time out: at 600 ms
        // the fresh worker's first call timed out now and then on a 2-core machine under a parallel build.
        RateProfile profile = TestProfiles.ThreeLevel(HandoffMode.Latest);
        ClockDefinition clock = profile.Clock("context");
        var stats = new ClockStats(clock.Name, clock.RateHz, clock.BudgetNs);
        _stage = new SlowStage(clock, profile.BaseTickHz, _module, new LatentChannel(), null, HandoffMode.Latest, stats, _ledger = new RunLedger([clock.Name], clock.Name, [_observer]));
        _runner = new ThreadSlowRunner(clock.Name, () => 0, maxSteps: 3, cpu: null, new ResilienceOptions { TimeoutMultiple = 40 });
        _stage.Runner = _runner;
    }


    private long Count(LedgerEntry entry) => _ledger.Total(entry);

    [Fact]
    public void Trigger_ModuleStuckPastTimeout_CompletesAsTimedOutAndAbandonsWorker()
    {
        SlowTickRecord first = TriggerAndWait(0);

        Assert.True(_module.Entered.IsSet);
        Assert.False(_module.Left.IsSet);
        Assert.Equal(SlowTickOutcome.Faulted, first.Outcome);
        Assert.Equal(1, Count(LedgerEntry.ContextTimeout));
        Assert.Equal(1, Count(LedgerEntry.AbandonedWorker));
        Assert.Contains(_observer.Faults, f => f.Kind == LedgerEntry.ContextTimeout && f.Tick == 0 && f.Source == "context");
        Assert.Null(_stage.Output.Latest);
    }

    [Fact]
    public void Trigger_WhileAbandonedCallStillInsideModule_IsRejectedWithoutCallingModule()
    {
        TriggerAndWait(0);

        SlowTickRecord second = TriggerAndWait(1);
        SlowTickRecord third = TriggerAndWait(2);

        Assert.Equal(SlowTickOutcome.Rejected, second.Outcome);
        Assert.Equal(SlowTickOutcome.Rejected, third.Outcome);
        Assert.Equal(1, _module.Calls);
        Assert.Equal(2, Count(LedgerEntry.CircuitRejected));
        Assert.Equal(0, Count(LedgerEntry.LateResult));
        Assert.Equal(2, _observer.Faults.Count(f => f.Kind == LedgerEntry.CircuitRejected));
        Assert.Null(_stage.Output.Latest);
    }

    [Fact]
    public void Release_StuckCallReturnsLate_ResultDiscardedCountedAndUpdatesResumeOnFreshWorker()
    {
        TriggerAndWait(0);
        Assert.Equal(SlowTickOutcome.Rejected, TriggerAndWait(1).Outcome);

        _module.Release();
        Assert.True(_module.Left.Wait(Bound), "the released call never left the module");
        Assert.True(SpinWait.SpinUntil(() => Count(LedgerEntry.LateResult) == 1, Bound), "the late result was never counted");

        // The late result was discarded: nothing was published for tick 0.
        Assert.Null(_stage.Output.Latest);
        SlowTickRecord resumed = TriggerUntilNotRejected(firstTick: 2);

        Assert.Equal(SlowTickOutcome.Completed, resumed.Outcome);
        Assert.Equal(2, _module.Calls);
        Assert.Equal(1, _module.MaxInside);
        LatentSnapshot latent = Assert.Single(_observer.Latents);
        Assert.Same(latent, _stage.Output.Latest);
        Assert.Equal(resumed.Tick, latent.SourceTick);
        Assert.Equal(2f, latent.Values[0]); // produced by the module's second call, not the late first one
        Assert.Equal(1, Count(LedgerEntry.ContextTimeout));
        Assert.Equal(1, Count(LedgerEntry.AbandonedWorker));
        Assert.Equal(1, Count(LedgerEntry.LateResult));
    }

    public void Dispose()
    {
        _module.Release();
        _runner.Dispose();
        _module.Dispose();
        _observer.Dispose();
    }

    private SlowTickRecord TriggerAndWait(long tick)
    {
        // Complete reports the tick just before the runner clears Busy: wait for both, so the next
        // trigger reaches the runner instead of being skipped as "still busy".
        Assert.True(SpinWait.SpinUntil(() => !_runner.Busy, Bound), "the runner stayed busy");
        _stage.Trigger(tick, tick * 100_000_000, _history);
        SlowTickRecord record = _observer.NextSlowTick();
        Assert.Equal(tick, record.Tick);
        Assert.True(SpinWait.SpinUntil(() => !_runner.Busy, Bound), "the runner stayed busy");
        return record;
    }

    private SlowTickRecord TriggerUntilNotRejected(long firstTick)
    {
        // A trigger can race the late-result callback clearing the "stuck" mark and still be rejected;
        // rejected triggers never call the module.
        for (long tick = firstTick; tick < firstTick + 1000; tick++)
        {
            SlowTickRecord record = TriggerAndWait(tick);
            if (record.Outcome != SlowTickOutcome.Rejected)
            {
                return record;
            }
        }

        Assert.Fail("every trigger after the late result was rejected");
        return default;
    }
}
