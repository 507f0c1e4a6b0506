using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// One slow clock: triggers its context module without blocking, and publishes the resulting
/// latent snapshots in <c>latest</c> or <c>deterministic</c> mode.
/// </summary>
/// <remarks>
/// <see cref="PublishPending"/> and <see cref="Trigger"/> run on the dispatcher (fast) thread;
/// <see cref="Compute"/> and <see cref="Complete"/> on the runner's thread (in virtual time, the
/// scheduler's thread). The only shared state is the pending snapshot (an interlocked reference) and
/// the runner's busy flag. Every update goes through the runner's Polly pipeline (timeout, circuit
/// breaker, fallback to the last latent); the fast thread only triggers. Every trigger, skipped trigger,
/// update outcome, fault and published latent is reported once to the run's <see cref="RunLedger"/>.
/// </remarks>
internal sealed class SlowStage
{
    private readonly DueCursor _due;
    private readonly float[] _history;
    private readonly int _rows;
    private long _version;
    private LatentSnapshot? _pending;
    private readonly RunLedger _ledger;
    private readonly int _clockIndex;

    public SlowStage(ClockDefinition clock, long baseTickHz, IContextModule module, LatentChannel output, LatentChannel? upstream, HandoffMode mode, ClockStats stats, RunLedger ledger)
    {
        _ledger = ledger;
        _clockIndex = ledger.IndexOf(clock.Name);
        Clock = clock;
        Module = module;
        Output = output;
        Upstream = upstream;
        Mode = mode;
        Stats = stats;
        _due = new DueCursor(clock.OffsetTicks, baseTickHz / clock.RateHz);
        _rows = clock.History > 0 ? clock.History : module.HistoryLength;
        _history = new float[Math.Max(1, _rows) * Math.Max(1, module.ObservationSize)];
    }

    public ClockDefinition Clock { get; set; }

    public IContextModule Module { get; }

    public LatentChannel Output { get; }

    public LatentChannel? Upstream { get; }

    public HandoffMode Mode { get; set; }

    public ClockStats Stats { get; }

    public int HistoryRows => _rows;

    public ISlowRunner Runner { get; set; } = null!;

    /// <summary>Counts one <paramref name="entry"/> on this clock (circuit transitions, abandoned workers, late results).</summary>
    public void Report(LedgerEntry entry) => _ledger.Add(entry, _clockIndex);

    /// <summary>Counts periods of this clock that the scheduler skipped whole (no trigger ran).</summary>
    public void ReportSkippedPeriods(long periods) => _ledger.Add(LedgerEntry.SkippedPeriod, _clockIndex, periods);

    /// <summary>Number of this clock's ticks in the base-tick interval (from, to), both exclusive.</summary>
    public long TicksBetween(long fromBaseTick, long toBaseTick) => _due.TicksBetween(fromBaseTick, toBaseTick);

    /// <summary>Deterministic mode: publishes the snapshot that became ready since the last boundary.</summary>
    public void PublishPending(long timeNs)
    {
        LatentSnapshot? ready = Interlocked.Exchange(ref _pending, null);
        if (ready is not null && Output.Publish(ready))
        {
            _ledger.Latent(_clockIndex, ready, timeNs);
        }
    }

    /// <summary>Starts an update unless the previous one still runs (then skips and counts).</summary>
    /// <returns>True when the update started; false when the trigger was skipped because the runner is busy.</returns>
    public bool Trigger(long slowTick, long timeNs, ObservationHistory history)
    {
        if (Runner is null)
        {
            // Only a tick stepped outside a driver gets here: the driver attaches the runners before tick 0.
            throw new InvalidOperationException($"clock '{Clock.Name}' is due at its tick {slowTick}; slow updates run only under a clock driver (MultiRateExecutor.Run)");
        }

        _ledger.Add(LedgerEntry.Tick, _clockIndex);
        if (Runner.Busy)
        {
            _ledger.SlowTick(_clockIndex, new SlowTickRecord(Clock.Name, slowTick, timeNs, timeNs, 0, Clock.BudgetNs, SlowTickOutcome.Skipped, 0));
            return false;
        }

        history.CopyLast(_rows, _history);
        Runner.Start(this, slowTick, timeNs);
        return true;
    }

    /// <summary>Runs the module; never throws.</summary>
    public ContextResult Compute(long slowTick, long timeNs, AnytimeBudget budget)
    {
        try
        {
            var request = new ContextRequest(slowTick, timeNs, _history, _rows, Upstream?.Latest, budget);
            ContextResult result = Module.Update(in request);
            if (result.Outcome == ModuleOutcome.Ok && (result.Latent is null || !AllFinite(result.Latent)))
            {
                return result with { Outcome = ModuleOutcome.NonFinite };
            }

            return result;
        }
#pragma warning disable CA1031 // Modules must not throw across the tick boundary; a throw becomes a counted fault.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ContextResult(ModuleOutcome.Faulted, null, 0);
        }
    }

    /// <summary>
    /// Turns a finished update into a snapshot and publishes it (latest) or holds it for the next
    /// boundary (deterministic). A failed, timed-out or rejected update publishes nothing: the last
    /// latent stays and goes on ageing, so the stale-latent policy takes over when it gets too old.
    /// </summary>
    public void Complete(long slowTick, long timeNs, in SlowAttempt attempt, long finishedNs, long elapsedNs)
    {
        ContextResult result = attempt.Result;
        bool ok = attempt.Outcome == SlowOutcome.Completed && result.Outcome == ModuleOutcome.Ok && result.Latent is not null;
        if (attempt.Outcome != SlowOutcome.Rejected)
        {
            Stats.RecordLatency(elapsedNs);
        }

        SlowTickOutcome outcome = ok ? SlowTickOutcome.Completed : attempt.Outcome == SlowOutcome.Rejected ? SlowTickOutcome.Rejected : SlowTickOutcome.Faulted;
        _ledger.SlowTick(_clockIndex, new SlowTickRecord(Clock.Name, slowTick, timeNs, finishedNs, elapsedNs, Clock.BudgetNs, outcome, result.RecursionSteps));
        if (!ok)
        {
            _ledger.Fault(FaultOf(attempt.Outcome), _clockIndex, Clock.Name, finishedNs, slowTick);
            return;
        }

        var snapshot = new LatentSnapshot(++_version, slowTick, timeNs, finishedNs, result.RecursionSteps, result.Latent!);
        if (Mode == HandoffMode.Latest)
        {
            if (Output.Publish(snapshot))
            {
                _ledger.Latent(_clockIndex, snapshot, finishedNs);
            }
        }
        else
        {
            Interlocked.Exchange(ref _pending, snapshot);
        }
    }

    private static LedgerEntry FaultOf(SlowOutcome outcome) => outcome switch
    {
        SlowOutcome.Rejected => LedgerEntry.CircuitRejected,
        SlowOutcome.TimedOut => LedgerEntry.ContextTimeout,
        SlowOutcome.NonFinite => LedgerEntry.ContextNonFinite,
        _ => LedgerEntry.ContextFault,
    };

    private static bool AllFinite(float[] values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
