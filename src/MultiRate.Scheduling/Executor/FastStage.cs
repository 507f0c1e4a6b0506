using System.Diagnostics;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// The action clock's tick: observe, read the latest latent without a lock, run the head, and hand
/// exactly one action to the output stage (the head's, a hold, or the safe action).
/// </summary>
/// <remarks>
/// Fast thread only. Every buffer is allocated up front: a steady-state tick allocates nothing.
/// A source that reports sample times (<see cref="ITimedSensorSource"/>) is checked by a
/// <see cref="SensorGuard"/> (dropouts, late, duplicate, out-of-order samples, clock jumps). What each
/// tick did is reported once to the run's <see cref="RunLedger"/>: the action (with its fallback reason)
/// by the output stage, which returns it here; the tick itself, a miss and a stale latent from here.
/// Nothing is read back from a counter to learn what happened.
/// </remarks>
internal sealed class FastStage
{
    private readonly IActionHead _head;
    private readonly ISensorSource _sensor;
    private readonly LatentChannel? _latent;
    private readonly OutputStage _output;
    private readonly ObservationHistory _history;
    private readonly int[] _headFields;
    private readonly int[] _contextFields;
    private readonly float[] _sensorValues;
    private readonly float[] _observation;
    private readonly float[] _contextRow;
    private readonly float[] _zeroLatent;
    private readonly float[] _action;
    private IComputeCostModel? _virtualCosts;
    private readonly long _sensorOffsetNs;
    private readonly DueCursor _due;
    private readonly RunLedger _ledger;
    private readonly int _clockIndex;
    private readonly SensorGuard? _guard;
    private ClockDefinition _clock = null!;
    private LatentSpec _latentSpec = null!;
    private long _budgetNs;
    private OverrunPolicy _fallback;
    private long _ageLimitNs;
    private bool _safeOnStale;

    private static readonly bool NanosecondTicks = Stopwatch.Frequency == 1_000_000_000;
    private static readonly double NsPerStopwatchTick = 1e9 / Stopwatch.Frequency;

    public FastStage(
        RateProfile profile,
        IActionHead head,
        ISensorSource sensor,
        LatentChannel? latent,
        OutputStage output,
        ObservationHistory history,
        ExecutorOptions options,
        ClockStats stats,
        HeadStats headStats,
        RunLedger ledger)
    {
        _ledger = ledger;
        _clockIndex = ledger.ActionClock;
        Clock = profile.ActionClock;
        _head = head;
        _sensor = sensor;
        _latent = latent;
        _output = output;
        _history = history;
        _headFields = options.HeadFields;
        _contextFields = options.ContextFields;
        _sensorValues = new float[sensor.Fields.Count];
        _observation = new float[head.ObservationSize];
        _contextRow = new float[Math.Max(1, options.ContextFields.Length)];
        _zeroLatent = new float[head.LatentSize];
        _action = new float[head.ActionSize];
        _sensorOffsetNs = options.SensorTimeOffsetNs;
        _due = new DueCursor(Clock.OffsetTicks, profile.BaseTickHz / Clock.RateHz);
        Stats = stats;
        HeadStats = headStats;
        _guard = sensor is ITimedSensorSource timed ? new SensorGuard(timed, options.Resilience, ledger) : null;
    }

    /// <summary>The action clock (replaceable on hot reload, on the fast thread between ticks).</summary>
    public ClockDefinition Clock
    {
        get => _clock;
        set
        {
            // The tick reads the copies below, not the definition: one object fewer to fetch per tick.
            _clock = value;
            _budgetNs = value.BudgetNs;
            _fallback = value.Overrun == OverrunPolicy.SafeAction ? OverrunPolicy.SafeAction : OverrunPolicy.Hold;
        }
    }

    public ClockStats Stats { get; }

    public HeadStats HeadStats { get; }

    /// <summary>Age limit in ns (replaceable on hot reload, on the fast thread between ticks).</summary>
    public LatentSpec Latent
    {
        get => _latentSpec;
        set
        {
            _latentSpec = value;
            _ageLimitNs = value.AgeLimitNs;
            _safeOnStale = value.OnStale == StalePolicy.SafeAction;
        }
    }

    /// <summary>The driver's choice before a run: decide deadlines with this cost model (virtual time), or with the measured time (null, real time).</summary>
    public void UseCostModel(IComputeCostModel? costs) => _virtualCosts = costs;

    /// <summary>Number of this clock's ticks in the base-tick interval (from, to), both exclusive.</summary>
    public long TicksBetween(long fromBaseTick, long toBaseTick) => _due.TicksBetween(fromBaseTick, toBaseTick);

    /// <summary>Counts periods of this clock that the scheduler skipped whole (no tick ran).</summary>
    public void ReportSkippedPeriods(long periods) => _ledger.Add(LedgerEntry.SkippedPeriod, _clockIndex, periods);

    /// <summary>Samples the sensors at <paramref name="timeNs"/> and appends the context row to the history.</summary>
    public void Observe(long timeNs)
    {
        _sensor.Read(timeNs + _sensorOffsetNs, _sensorValues);
        _guard?.Check(timeNs + _sensorOffsetNs, timeNs, _ledger.Count(LedgerEntry.Tick, _clockIndex), _sensorValues);
        for (int i = 0; i < _headFields.Length; i++)
        {
            _observation[i] = _sensorValues[_headFields[i]];
        }

        for (int i = 0; i < _contextFields.Length; i++)
        {
            _contextRow[i] = _sensorValues[_contextFields[i]];
        }

        _history.Append(_contextRow);
    }

    /// <summary>Reads the latest latent, runs the head and emits exactly one action.</summary>
    public void Act(long tick, long timeNs)
    {
        LatentSnapshot? latent = _latent?.Latest;
        long age = latent is null ? timeNs + 1 : latent.AgeAt(timeNs);
        bool stale = latent is null || age > _ageLimitNs;
        long version = latent?.Version ?? 0;
        long reportedAge = latent is null ? -1 : age;
        if (latent is not null)
        {
            HeadStats.RecordAge(age);
            HeadStats.RecordRecursionSteps(latent.RecursionSteps);
            HeadStats.LastLatentVersion = latent.Version;
        }

        if (stale)
        {
            _ledger.Add(LedgerEntry.StaleTick, _clockIndex);
            if (_safeOnStale)
            {
                FastTickOutcome staleOutcome = FastTickOutcome.Dropped;
                if (_output.TryClaim(tick, out long before))
                {
                    _output.EmitFallback(timeNs, tick, before, OverrunPolicy.SafeAction, LedgerEntry.FallbackStale);
                    staleOutcome = FastTickOutcome.StaleSafe;
                }

                _ledger.FastTick(tick, timeNs, 0, 0, _budgetNs, staleOutcome, version, reportedAge);
                return;
            }
        }

        long started = Stopwatch.GetTimestamp();
        ModuleOutcome outcome;
        try
        {
            ReadOnlySpan<float> z = latent is null ? _zeroLatent : latent.Values;
            outcome = _head.Act(_observation, z, (float)(Math.Min(age, long.MaxValue / 2) / 1e9), _action);
        }
#pragma warning disable CA1031 // The head must not stop the clock: a throw is a counted fault and a fallback action goes out.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcome = ModuleOutcome.Faulted;
        }

        // Latency statistics are always the measured compute time on this machine. The deadline
        // decision uses it in real time; in virtual time it uses the cost model, so replays are deterministic.
        long measured = ElapsedNs(started, Stopwatch.GetTimestamp());
        long elapsed = _virtualCosts is null ? measured : _virtualCosts.CostNs(Clock.Name, tick, 0);
        Stats.RecordLatency(measured);

        FastTickOutcome result;
        if (!_output.TryClaim(tick, out long previous))
        {
            // The watchdog already sent this tick's fallback at the deadline: the late result is dropped (a miss).
            result = FastTickOutcome.Dropped;
        }
        else if (outcome == ModuleOutcome.NonFinite)
        {
            // The head said its result is not finite: replaced by a hold and counted as a non-finite action.
            _output.EmitFallback(timeNs, tick, previous, OverrunPolicy.Hold, LedgerEntry.NonFiniteAction);
            result = FastTickOutcome.Fault;
        }
        else if (outcome != ModuleOutcome.Ok)
        {
            _output.EmitFallback(timeNs, tick, previous, _fallback, LedgerEntry.HeadFault);
            result = FastTickOutcome.Fault;
        }
        else if (elapsed > _budgetNs)
        {
            // Late result: dropped, like a late command on Franka FCI; the fallback goes out instead.
            _output.EmitFallback(timeNs + _budgetNs, tick, previous, _fallback, LedgerEntry.FallbackDeadline);
            result = FastTickOutcome.Miss;
        }
        else
        {
            // The output stage says what it sent: a hold when a value was not finite.
            Emission sent = _output.EmitModel(timeNs, tick, previous, stale ? ActionKind.Degraded : ActionKind.Model, _action);
            result = sent.IsFallback ? FastTickOutcome.Fault : stale ? FastTickOutcome.Stale : FastTickOutcome.Ok;
        }

        _ledger.FastTick(tick, timeNs, measured, elapsed, _budgetNs, result, version, reportedAge);
    }

    /// <summary>
    /// Stopwatch ticks to nanoseconds at full resolution, without the TimeSpan round trip (which also
    /// truncated to 100 ns). On Linux and macOS Stopwatch ticks are nanoseconds and this is a subtraction.
    /// </summary>
    private static long ElapsedNs(long started, long ended) =>
        NanosecondTicks ? ended - started : (long)((ended - started) * NsPerStopwatchTick);
}
