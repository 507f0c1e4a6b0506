using System.Reactive.Concurrency;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Resilience;

namespace MultiRate.Scheduling.Tests.Resilience;

public class CircuitBreakerTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly ClockDefinition Clock = new() { Name = "context", RateHz = 10, BudgetUs = 60_000, Module = "context" };

    private readonly HistoricalScheduler _scheduler = new(T0);
    private readonly RunLedger _ledger = new(["context"], "context");
    private readonly SlowPathPipeline _pipeline;
    private int _calls;

    public CircuitBreakerTests()
    {
        // Defaults for a 10 Hz clock: ratio 0.5 over >= 4 calls in 1 s opens the circuit for 0.5 s.
        _pipeline = new SlowPathPipeline(() => Clock, ResilienceOptions.Default, new SchedulerTimeProvider(_scheduler), e => _ledger.Add(e, 0));
    }

    private SlowAttempt CallAt(int ms, bool ok)
    {
        _scheduler.AdvanceTo(T0.AddMilliseconds(ms));
        ValueTask<SlowAttempt> attempt = _pipeline.ExecuteAsync(_ =>
        {
            _calls++;
            return new ValueTask<ContextResult>(ok ? new ContextResult(ModuleOutcome.Ok, [1f], 1) : new ContextResult(ModuleOutcome.Faulted, null, 0));
        });
        Assert.True(attempt.IsCompleted);
        return attempt.Result;
    }

    private static SlowAttempt Immediate(ValueTask<SlowAttempt> attempt)
    {
        // Synchronous work completes the pipeline synchronously: nothing here waits.
        Assert.True(attempt.IsCompleted);
        return attempt.Result;
    }

    private void OpenAt300()
    {
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(SlowOutcome.Faulted, CallAt(i * 100, ok: false).Outcome);
        }
    }

    [Fact]
    public void Execute_FourFailures_OpensCircuit()
    {
        Assert.Equal(SlowOutcome.Faulted, CallAt(0, ok: false).Outcome);
        Assert.Equal(SlowOutcome.Faulted, CallAt(100, ok: false).Outcome);
        Assert.Equal(SlowOutcome.Faulted, CallAt(200, ok: false).Outcome);
        Assert.Equal(0, _ledger.Total(LedgerEntry.CircuitOpened));

        Assert.Equal(SlowOutcome.Faulted, CallAt(300, ok: false).Outcome);

        Assert.Equal(1, _ledger.Total(LedgerEntry.CircuitOpened));
    }

    [Fact]
    public void Execute_WhileOpen_RejectsWithoutCallingTheModule()
    {
        OpenAt300();
        int before = _calls;

        SlowAttempt rejected = CallAt(400, ok: true);

        Assert.Equal(SlowOutcome.Rejected, rejected.Outcome);
        Assert.Null(rejected.Result.Latent);
        Assert.Equal(before, _calls);
        Assert.Equal(SlowOutcome.Rejected, CallAt(799, ok: true).Outcome);
    }

    [Fact]
    public void Execute_AfterBreakDuration_HalfOpenProbeSucceeds_Closes()
    {
        OpenAt300();

        // Open at 300 ms for 0.5 s: the first call at 800 ms is the half-open probe.
        SlowAttempt probe = CallAt(800, ok: true);

        Assert.Equal(SlowOutcome.Completed, probe.Outcome);
        Assert.Equal(1, _ledger.Total(LedgerEntry.CircuitHalfOpened));
        Assert.Equal(1, _ledger.Total(LedgerEntry.CircuitClosed));
        Assert.Equal(SlowOutcome.Completed, CallAt(900, ok: true).Outcome);
    }

    [Fact]
    public void Execute_HalfOpenProbeFails_OpensAgain()
    {
        OpenAt300();

        Assert.Equal(SlowOutcome.Faulted, CallAt(800, ok: false).Outcome);

        Assert.Equal(2, _ledger.Total(LedgerEntry.CircuitOpened));
        Assert.Equal(SlowOutcome.Rejected, CallAt(900, ok: true).Outcome);
        Assert.Equal(0, _ledger.Total(LedgerEntry.CircuitClosed));
    }

    [Fact]
    public void Execute_NonFiniteResult_IsCountedAsNonFinite()
    {
        _scheduler.AdvanceTo(T0);
        SlowAttempt attempt = Immediate(_pipeline.ExecuteAsync(_ => new ValueTask<ContextResult>(new ContextResult(ModuleOutcome.NonFinite, null, 2))));

        Assert.Equal(SlowOutcome.NonFinite, attempt.Outcome);
        Assert.Equal(ModuleOutcome.NonFinite, attempt.Result.Outcome);
    }

    [Fact]
    public void Execute_WorkThrows_FallbackKeepsNoLatent()
    {
        _scheduler.AdvanceTo(T0);
        SlowAttempt attempt = Immediate(_pipeline.ExecuteAsync(_ => throw new InvalidOperationException("boom")));

        Assert.Equal(SlowOutcome.Faulted, attempt.Outcome);
        Assert.Null(attempt.Result.Latent);
    }
}
