using System.Diagnostics;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
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
/// <see cref="SensorGuard"/> (dropouts, late, duplicate, out-of-order samples, clock jumps). Every
/// counted fault (head fault, overrun, NaN/Inf, sensor, sink) is also reported to the observers.
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
    private readonly long _divisor;
    private readonly DueCursor _due;
    private readonly ObserverSet _observers;
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
        ObserverSet observers)
    {
        _observers = observers;
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
        _divisor = profile.BaseTickHz / Clock.RateHz;
        _due = new DueCursor(Clock.OffsetTicks, _divisor);
        Stats = stats;
        HeadStats = headStats;
        _guard = sensor is ITimedSensorSource timed ? new SensorGuard(timed, options.Resilience, stats.Resilience, observers) : null;
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

    public long DueTick(long baseTick) => _due.DueTick(baseTick);

    /// <summary>The driver's choice before a run: decide deadlines with this cost model (virtual time), or with the measured time (null, real time).</summary>
    public void UseCostModel(IComputeCostModel? costs) => _virtualCosts = costs;

    public long TicksBetween(long fromBaseTick, long toBaseTick)
    {
        long Count(long upTo) => upTo < Clock.OffsetTicks ? 0 : ((upTo - Clock.OffsetTicks) / _divisor) + 1;
        return Math.Max(0, Count(toBaseTick - 1) - Count(fromBaseTick));
    }

    /// <summary>Ticks whose head result came after the watchdog had already emitted the fallback.</summary>
    public long LateDropped { get; private set; }

    private bool Claim(long tick, out long previous)
    {
        if (_output.TryClaim(tick, out previous))
        {
            return true;
        }

        LateDropped++;
        return false;
    }

    /// <summary>Samples the sensors at <paramref name="timeNs"/> and appends the context row to the history.</summary>
    public void Observe(long timeNs)
    {
        _sensor.Read(timeNs + _sensorOffsetNs, _sensorValues);
        _guard?.Check(timeNs + _sensorOffsetNs, timeNs, Stats.Ticks, _sensorValues);
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
        Stats.Ticks++;
        long sinkFaults = HeadStats.SinkFaults;
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
            HeadStats.StaleTicks++;
            if (_safeOnStale)
            {
                bool claimed = Claim(tick, out long before);
                if (claimed)
                {
                    _output.EmitFallback(timeNs, tick, before, OverrunPolicy.SafeAction);
                }

                ReportSinkFault(sinkFaults, tick, timeNs);
                if (_observers.Any)
                {
                    _observers.FastTick(new FastTickRecord(tick, timeNs, 0, 0, _budgetNs, claimed ? FastTickOutcome.StaleSafe : FastTickOutcome.Dropped, version, reportedAge));
                }

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

        OverrunPolicy fallback = _fallback;
        FastTickOutcome result;
        if (!Claim(tick, out long previous))
        {
            // The watchdog already sent this tick's fallback at the deadline: the late result is dropped.
            result = FastTickOutcome.Dropped;
        }
        else if (outcome != ModuleOutcome.Ok)
        {
            Stats.Faults++;
            _output.EmitFallback(timeNs, tick, previous, fallback);
            result = FastTickOutcome.Fault;
            RaiseFault(FaultKind.HeadFault, tick, timeNs);
        }
        else if (elapsed > _budgetNs)
        {
            // Late result: dropped, like a late command on Franka FCI; the fallback goes out instead.
            Stats.Misses++;
            _output.EmitFallback(timeNs + _budgetNs, tick, previous, fallback);
            result = FastTickOutcome.Miss;
            RaiseFault(FaultKind.HeadOverrun, tick, timeNs);
        }
        else
        {
            // A non-finite action is replaced by a hold inside the output stage and counted there as a fault.
            long nonFinite = HeadStats.NonFiniteActions;
            _output.EmitModel(timeNs, tick, previous, stale ? ActionKind.Degraded : ActionKind.Model, _action);
            result = HeadStats.NonFiniteActions != nonFinite ? FastTickOutcome.Fault : stale ? FastTickOutcome.Stale : FastTickOutcome.Ok;
            if (HeadStats.NonFiniteActions != nonFinite)
            {
                RaiseFault(FaultKind.HeadNonFinite, tick, timeNs);
            }
        }

        ReportSinkFault(sinkFaults, tick, timeNs);
        if (_observers.Any)
        {
            // Built only when someone listens: the record is 64 bytes of stack stores per tick.
            _observers.FastTick(new FastTickRecord(tick, timeNs, measured, elapsed, _budgetNs, result, version, reportedAge));
        }
    }

    /// <summary>
    /// Stopwatch ticks to nanoseconds at full resolution, without the TimeSpan round trip (which also
    /// truncated to 100 ns). On Linux and macOS Stopwatch ticks are nanoseconds and this is a subtraction.
    /// </summary>
    private static long ElapsedNs(long started, long ended) =>
        NanosecondTicks ? ended - started : (long)((ended - started) * NsPerStopwatchTick);

    private void ReportSinkFault(long before, long tick, long timeNs)
    {
        if (HeadStats.SinkFaults != before)
        {
            RaiseFault(FaultKind.SinkFault, tick, timeNs, "sink");
        }
    }

    private void RaiseFault(FaultKind kind, long tick, long timeNs, string? source = null)
    {
        if (_observers.Any)
        {
            _observers.Fault(new FaultRecord(kind, source ?? Clock.Name, timeNs, tick));
        }
    }
}
