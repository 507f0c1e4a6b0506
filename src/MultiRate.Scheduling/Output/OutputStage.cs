using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Output;

/// <summary>
/// The last stage of every fast tick: guards, clamps and rate-limits the action, hands exactly one
/// action to the sink, hashes it and counts it.
/// </summary>
/// <remarks>
/// Called by the fast thread and, in real time, by the deadline watchdog. Exactly one of them emits
/// each tick: whoever first claims the tick index (<see cref="TryClaim"/>, a compare-and-swap). The
/// emission itself runs under an uncontended lock. No allocation.
/// </remarks>
internal sealed class OutputStage : IDisposable
{
    private readonly float[] _safe;
    private readonly float[] _min;
    private readonly float[] _max;
    private float[]? _maxRate;
    private readonly float[] _last;
    private readonly float[] _work;
    private readonly IActuatorSink? _sink;
    private readonly HeadStats _stats;
    private readonly ActionHasher _hasher = new();
    private readonly Lock _gate = new();
    private readonly ObserverSet _observers;
    private long _lastTimeNs = long.MinValue;
    private long _claimed = -1;

    public OutputStage(ActionSpec spec, IActuatorSink? sink, HeadStats stats, ObserverSet? observers = null)
    {
        _observers = observers ?? ObserverSet.Empty;
        _safe = spec.Safe.Select(v => (float)v).ToArray();
        _min = spec.Min.Select(v => (float)v).ToArray();
        _max = spec.Max.Select(v => (float)v).ToArray();
        _maxRate = spec.MaxRatePerSecond?.Select(v => (float)v).ToArray();
        _last = (float[])_safe.Clone();
        _work = new float[_safe.Length];
        _sink = sink;
        _stats = stats;
    }

    public int Dimension => _safe.Length;

    /// <summary>The last emitted action (the hold value).</summary>
    public ReadOnlySpan<float> Last => _last;

    public string ActionsSha256 => _hasher.Finish();

    /// <summary>Claims tick <paramref name="tick"/> for emission; false when it (or a later tick) was already claimed.</summary>
    public bool TryClaim(long tick)
    {
        while (true)
        {
            long current = Volatile.Read(ref _claimed);
            if (current >= tick)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _claimed, tick, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Emits the head's action, or a hold if it is not finite.</summary>
    public void EmitModel(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        lock (_gate)
        {
            foreach (float v in action)
            {
                if (!float.IsFinite(v))
                {
                    _stats.NonFiniteActions++;
                    FallbackLocked(timeNs, tick, OverrunPolicy.Hold);
                    return;
                }
            }

            action.CopyTo(_work);
            EmitLocked(timeNs, tick, kind);
        }
    }

    /// <summary>Emits the hold or the safe action, as the policy says.</summary>
    public void EmitFallback(long timeNs, long tick, OverrunPolicy policy)
    {
        lock (_gate)
        {
            FallbackLocked(timeNs, tick, policy);
        }
    }

    /// <summary>
    /// Stop (signal or cancellation): sends the safe action as the action of the next tick, so the
    /// robot is left commanded safe and still gets exactly one action per tick.
    /// </summary>
    /// <returns>The tick index used, or -1 when that tick had already been claimed.</returns>
    public long EmitSafeOnStop(long timeNs)
    {
        lock (_gate)
        {
            long tick = Volatile.Read(ref _claimed) + 1;
            if (!TryClaim(tick))
            {
                return -1;
            }

            FallbackLocked(Math.Max(timeNs, _lastTimeNs), tick, OverrunPolicy.SafeAction);
            return tick;
        }
    }

    /// <summary>Hot reload: takes new safe values and limits (same dimension) from the next emission on.</summary>
    public void UpdateLimits(ActionSpec spec)
    {
        lock (_gate)
        {
            for (int i = 0; i < _safe.Length; i++)
            {
                _safe[i] = (float)spec.Safe[i];
                _min[i] = (float)spec.Min[i];
                _max[i] = (float)spec.Max[i];
            }

            _maxRate = spec.MaxRatePerSecond?.Select(v => (float)v).ToArray();
        }
    }

    public void Dispose() => _hasher.Dispose();

    private void FallbackLocked(long timeNs, long tick, OverrunPolicy policy)
    {
        if (policy == OverrunPolicy.SafeAction)
        {
            _safe.CopyTo(_work, 0);
            EmitLocked(timeNs, tick, ActionKind.Safe);
        }
        else
        {
            _last.CopyTo(_work, 0);
            EmitLocked(timeNs, tick, ActionKind.Hold);
        }
    }

    private void EmitLocked(long timeNs, long tick, ActionKind kind)
    {
        Limit(timeNs);
        _hasher.Append(tick, kind, _work);
        try
        {
            _sink?.Write(timeNs, tick, kind, _work);
        }
#pragma warning disable CA1031 // A throwing sink must not stop the clock: the fault is counted and the next tick goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            _stats.SinkFaults++;
        }

        if (_observers.Any)
        {
            _observers.Action(timeNs, tick, kind, _work);
        }

        _work.CopyTo(_last, 0);
        _lastTimeNs = timeNs;
        _stats.Actions++;
        switch (kind)
        {
            case ActionKind.Model: _stats.ModelActions++; break;
            case ActionKind.Degraded: _stats.DegradedActions++; break;
            case ActionKind.Hold: _stats.HoldActions++; break;
            default: _stats.SafeActions++; break;
        }
    }

    private void Limit(long timeNs)
    {
        bool clamped = false;
        double dt = _lastTimeNs == long.MinValue ? 0 : (timeNs - _lastTimeNs) / 1e9;
        for (int i = 0; i < _work.Length; i++)
        {
            float v = _work[i];
            if (_maxRate is not null && dt > 0)
            {
                float step = (float)(_maxRate[i] * dt);
                v = Math.Clamp(v, _last[i] - step, _last[i] + step);
            }

            float c = Math.Clamp(v, _min[i], _max[i]);
            clamped |= c != _work[i];
            _work[i] = c;
        }

        if (clamped)
        {
            _stats.ClampedActions++;
        }
    }
}
