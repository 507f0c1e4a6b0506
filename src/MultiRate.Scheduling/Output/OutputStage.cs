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
/// each tick: whoever first claims the tick index (<see cref="TryClaim"/>, a compare-and-swap that
/// also returns the tick claimed before it). Emissions then run in claim order without a lock: each
/// one waits until the emission of the tick claimed before it has finished (<see cref="_emitted"/>),
/// which on the fast thread's own next tick is already true, so the common case is one volatile read
/// instead of a lock's two atomic operations. The watchdog's emission of tick k can still be running
/// when the fast thread claims k + 1; the fast thread then waits for it, as it did on the lock.
/// Limits are an immutable <see cref="OutputLimits"/> swapped whole on hot reload. No allocation.
/// </remarks>
internal sealed class OutputStage : IDisposable
{
    private readonly int _dimension;
    private readonly float[] _state; // [work | last]: the action being emitted, then the last one emitted
    private readonly IActuatorSink? _sink;
    private readonly HeadStats _stats;
    private readonly ActionHasher _hasher = new();
    private readonly ObserverSet _observers;
    private OutputLimits _limits;
    private long _lastTimeNs = long.MinValue;
    private long _claimed = -1;
    private long _emitted = -1;

    public OutputStage(ActionSpec spec, IActuatorSink? sink, HeadStats stats, ObserverSet? observers = null)
    {
        _observers = observers ?? ObserverSet.Empty;
        _limits = new OutputLimits(spec);
        _dimension = _limits.Dimension;
        _state = new float[2 * _dimension];
        _limits.Safe.CopyTo(Last);
        _sink = sink;
        _stats = stats;
    }

    public int Dimension => _dimension;

    /// <summary>The last emitted action (the hold value).</summary>
    private Span<float> Last => _state.AsSpan(_dimension, _dimension);

    public string ActionsSha256 => _hasher.Finish();

    private Span<float> Work => _state.AsSpan(0, _dimension);

    /// <summary>Claims tick <paramref name="tick"/> for emission; false when it (or a later tick) was already claimed.</summary>
    /// <param name="tick">The tick index.</param>
    /// <param name="previous">The tick claimed before it (-1 for none): pass it to the emission.</param>
    public bool TryClaim(long tick, out long previous)
    {
        while (true)
        {
            long current = Volatile.Read(ref _claimed);
            if (current >= tick)
            {
                previous = current;
                return false;
            }

            if (Interlocked.CompareExchange(ref _claimed, tick, current) == current)
            {
                previous = current;
                return true;
            }
        }
    }

    /// <summary>Emits the head's action for a claimed tick, or a hold if it is not finite.</summary>
    public void EmitModel(long timeNs, long tick, long previous, ActionKind kind, ReadOnlySpan<float> action)
    {
        AwaitTurn(previous);
        foreach (float v in action)
        {
            if (!float.IsFinite(v))
            {
                _stats.NonFiniteActions++;
                Fallback(timeNs, tick, OverrunPolicy.Hold);
                return;
            }
        }

        action.CopyTo(Work);
        Emit(timeNs, tick, kind);
    }

    /// <summary>Emits the hold or the safe action, as the policy says, for a claimed tick.</summary>
    public void EmitFallback(long timeNs, long tick, long previous, OverrunPolicy policy)
    {
        AwaitTurn(previous);
        Fallback(timeNs, tick, policy);
    }

    /// <summary>
    /// Stop (signal or cancellation): sends the safe action as the action of the next tick, so the
    /// robot is left commanded safe and still gets exactly one action per tick.
    /// </summary>
    /// <returns>The tick index used, or -1 when that tick had already been claimed.</returns>
    public long EmitSafeOnStop(long timeNs)
    {
        long tick = Volatile.Read(ref _claimed) + 1;
        if (!TryClaim(tick, out long previous))
        {
            return -1;
        }

        AwaitTurn(previous);
        Fallback(Math.Max(timeNs, _lastTimeNs), tick, OverrunPolicy.SafeAction);
        return tick;
    }

    /// <summary>Hot reload: takes new safe values and limits (same dimension) from the next emission on.</summary>
    public void UpdateLimits(ActionSpec spec) => Volatile.Write(ref _limits, new OutputLimits(spec));

    public void Dispose() => _hasher.Dispose();

    /// <summary>Waits until the emission of the tick claimed before this one has finished.</summary>
    private void AwaitTurn(long previous)
    {
        if (Volatile.Read(ref _emitted) != previous)
        {
            // Rare: the other emitter (watchdog or fast thread) claimed the previous tick and is still
            // emitting it. SpinWait yields and then sleeps, so a higher-priority waiter on the same core
            // cannot starve it.
            var spin = default(SpinWait);
            while (Volatile.Read(ref _emitted) != previous)
            {
                spin.SpinOnce();
            }
        }
    }

    private void Fallback(long timeNs, long tick, OverrunPolicy policy)
    {
        if (policy == OverrunPolicy.SafeAction)
        {
            Volatile.Read(ref _limits).Safe.CopyTo(Work);
            Emit(timeNs, tick, ActionKind.Safe);
        }
        else
        {
            Last.CopyTo(Work);
            Emit(timeNs, tick, ActionKind.Hold);
        }
    }

    private void Emit(long timeNs, long tick, ActionKind kind)
    {
        Span<float> work = Work;
        Limit(timeNs, work);
        _hasher.Append(tick, kind, work);
        try
        {
            _sink?.Write(timeNs, tick, kind, work);
        }
#pragma warning disable CA1031 // A throwing sink must not stop the clock: the fault is counted and the next tick goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            _stats.SinkFaults++;
        }

        if (_observers.Any)
        {
            _observers.Action(timeNs, tick, kind, work);
        }

        work.CopyTo(Last);
        _lastTimeNs = timeNs;
        _stats.Actions++;
        switch (kind)
        {
            case ActionKind.Model: _stats.ModelActions++; break;
            case ActionKind.Degraded: _stats.DegradedActions++; break;
            case ActionKind.Hold: _stats.HoldActions++; break;
            default: _stats.SafeActions++; break;
        }

        // Release: the next emitter (either thread) sees everything written above.
        Volatile.Write(ref _emitted, tick);
    }

    private void Limit(long timeNs, Span<float> work)
    {
        OutputLimits limits = Volatile.Read(ref _limits);
        ReadOnlySpan<float> min = limits.Min;
        ReadOnlySpan<float> max = limits.Max;
        ReadOnlySpan<float> rate = limits.MaxRate;
        ReadOnlySpan<float> last = Last;
        bool clamped = false;
        double dt = _lastTimeNs == long.MinValue ? 0 : (timeNs - _lastTimeNs) / 1e9;
        bool limitRate = limits.HasRate && dt > 0;
        for (int i = 0; i < work.Length; i++)
        {
            float v = work[i];
            if (limitRate)
            {
                float step = (float)(rate[i] * dt);
                v = Math.Clamp(v, last[i] - step, last[i] + step);
            }

            float c = Math.Clamp(v, min[i], max[i]);
            clamped |= c != work[i];
            work[i] = c;
        }

        if (clamped)
        {
            _stats.ClampedActions++;
        }
    }
}
