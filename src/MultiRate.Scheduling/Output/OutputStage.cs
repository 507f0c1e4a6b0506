using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Output;

/// <summary>
/// The last stage of every fast tick: guards, clamps and rate-limits the action, hands exactly one
/// action to the sink and hashes it. Each emission returns what it did (an <see cref="Emission"/>:
/// kind, why, clamped, sink failed) and reports that once to the run's <see cref="RunLedger"/>, which
/// counts it and passes the action to the observers while its values are still valid.
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
    private readonly RunLedger _ledger;
    private readonly ActionHasher _hasher = new();
    private OutputLimits _limits;
    private long _lastTimeNs = long.MinValue;
    private long _claimed = -1;
    private long _emitted = -1;

    /// <summary>Creates the stage.</summary>
    /// <param name="spec">Safe action and limits.</param>
    /// <param name="sink">Where actions go (null: nowhere).</param>
    /// <param name="ledger">Where each emission is reported (null: a private ledger of one clock, for probes and tests).</param>
    public OutputStage(ActionSpec spec, IActuatorSink? sink, RunLedger? ledger = null)
    {
        _ledger = ledger ?? new RunLedger(["output"], "output");
        _limits = new OutputLimits(spec);
        _dimension = _limits.Dimension;
        _state = new float[2 * _dimension];
        _limits.Safe.CopyTo(Last);
        _sink = sink;
    }

    public int Dimension => _dimension;

    /// <summary>The last emitted action (the hold value).</summary>
    private Span<float> Last => _state.AsSpan(_dimension, _dimension);

    public string ActionsSha256 => _hasher.Finish();

    private Span<float> Work => _state.AsSpan(0, _dimension);

    /// <summary>The last tick index claimed for an action (-1 before the first); any thread.</summary>
    public long LastClaimed => Volatile.Read(ref _claimed);

    /// <summary>
    /// Claims tick <paramref name="tick"/> for emission; false when it (or a later tick) was already claimed.
    /// Ticks skipped over by a successful claim are counted as periods without an action (reason: start-up before the first claim, not scheduled after it).
    /// </summary>
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
                if (tick - current > 1)
                {
                    // Claims only move forward: the ticks between the two claims can never get an action now.
                    // Before the first claim they are start-up periods; after it, periods nobody was scheduled in.
                    _ledger.PeriodsWithoutAction(current < 0 ? LedgerEntry.NoActionStartUp : LedgerEntry.NoActionNotScheduled, tick - current - 1);
                }

                return true;
            }
        }
    }

    /// <summary>Emits the head's action for a claimed tick, or a hold (reason: non-finite) if any value is NaN or infinite.</summary>
    public Emission EmitModel(long timeNs, long tick, long previous, ActionKind kind, ReadOnlySpan<float> action)
    {
        AwaitTurn(previous);
        foreach (float v in action)
        {
            if (!float.IsFinite(v))
            {
                return Fallback(timeNs, tick, OverrunPolicy.Hold, LedgerEntry.NonFiniteAction);
            }
        }

        action.CopyTo(Work);
        return Emit(timeNs, tick, kind, kind == ActionKind.Degraded ? LedgerEntry.DegradedAction : LedgerEntry.ModelAction);
    }

    /// <summary>Emits the hold or the safe action, as the policy says, for a claimed tick.</summary>
    /// <param name="timeNs">Run time of the action.</param>
    /// <param name="tick">The claimed tick.</param>
    /// <param name="previous">The tick claimed before it (from <see cref="TryClaim"/>).</param>
    /// <param name="policy">Hold or safe.</param>
    /// <param name="reason">Why: one of <see cref="LedgerNames.FallbackReasons"/>.</param>
    public Emission EmitFallback(long timeNs, long tick, long previous, OverrunPolicy policy, LedgerEntry reason)
    {
        AwaitTurn(previous);
        return Fallback(timeNs, tick, policy, reason);
    }

    /// <summary>True when the last action sent equals the safe action bit for bit (before any action: true).</summary>
    public bool AtSafe
    {
        get
        {
            ReadOnlySpan<float> safe = Volatile.Read(ref _limits).Safe;
            ReadOnlySpan<float> last = Last;
            for (int i = 0; i < safe.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(last[i]) != BitConverter.SingleToInt32Bits(safe[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// One step of the stop ramp: claims the next tick index and sends a safe-kind action that moves
    /// toward the safe action within the rate limits (exactly safe once within one rate step). With
    /// <paramref name="snap"/> (the stop's time bound is reached) the safe action goes out unlimited,
    /// so a stop always ends on safe. Counted as a stop fallback.
    /// </summary>
    /// <returns>True when the action sent is exactly the safe action (or nothing was left to send).</returns>
    public bool EmitStopStep(long timeNs, bool snap)
    {
        long tick = Volatile.Read(ref _claimed) + 1;
        if (!TryClaim(tick, out long previous))
        {
            return AtSafe;
        }

        AwaitTurn(previous);
        Volatile.Read(ref _limits).Safe.CopyTo(Work);
        Emit(Math.Max(timeNs, _lastTimeNs), tick, ActionKind.Safe, LedgerEntry.FallbackStop, limit: !snap);
        return AtSafe;
    }

    /// <summary>
    /// The stop's last resort, from the stopping thread when the ramp's steps stopped arriving (the clock
    /// thread stuck in a module call): the safe action, unlimited, at the next tick index. It waits for
    /// an emission in progress at most until <paramref name="clock"/> passes <paramref name="untilNs"/>,
    /// and claims nothing while one is still running (a sink write that never returns), so it never
    /// writes to the sink beside another emitter. A stuck head that returns later loses its claim.
    /// </summary>
    /// <returns>True when the safe action was sent.</returns>
    public bool TrySnapToSafe(long timeNs, INanosecondClock clock, long untilNs)
    {
        // Claimed only once the last claimed tick is out; a claim that loses to another emitter sends nothing.
        long claimed = Volatile.Read(ref _claimed);
        long tick = claimed + 1;
        if (!AwaitEmitted(claimed, clock, untilNs) || !TryClaim(tick, out _))
        {
            return false;
        }

        Volatile.Read(ref _limits).Safe.CopyTo(Work);
        Emit(Math.Max(timeNs, _lastTimeNs), tick, ActionKind.Safe, LedgerEntry.FallbackStop, limit: false);
        return true;
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

    /// <summary>As <see cref="AwaitTurn"/>, bounded by <paramref name="clock"/>.</summary>
    private bool AwaitEmitted(long previous, INanosecondClock clock, long untilNs)
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref _emitted) != previous)
        {
            if (clock.NowNs >= untilNs)
            {
                return false;
            }

            spin.SpinOnce();
        }

        return true;
    }

    private Emission Fallback(long timeNs, long tick, OverrunPolicy policy, LedgerEntry reason)
    {
        if (policy == OverrunPolicy.SafeAction)
        {
            Volatile.Read(ref _limits).Safe.CopyTo(Work);
            return Emit(timeNs, tick, ActionKind.Safe, reason);
        }

        Last.CopyTo(Work);
        return Emit(timeNs, tick, ActionKind.Hold, reason);
    }

    private Emission Emit(long timeNs, long tick, ActionKind kind, LedgerEntry reason, bool limit = true)
    {
        Span<float> work = Work;
        bool clamped = limit && Limit(timeNs, work);
        _hasher.Append(tick, kind, work);
        bool sinkFailed = false;
        try
        {
            _sink?.Write(timeNs, tick, kind, work);
        }
#pragma warning disable CA1031 // A throwing sink must not stop the clock: the fault is counted and the next tick goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            sinkFailed = true;
        }

        var emission = new Emission(kind, reason, clamped, sinkFailed);

        // Reported before the release below: the observers read the values in the work buffer, which the
        // next emitter (the other thread) may overwrite once released.
        _ledger.Action(in emission, timeNs, tick, work);
        work.CopyTo(Last);
        _lastTimeNs = timeNs;

        // Release: the next emitter (either thread) sees everything written above.
        Volatile.Write(ref _emitted, tick);
        return emission;
    }

    /// <summary>Clamps <paramref name="work"/> to the limits in place; true when any value changed.</summary>
    private bool Limit(long timeNs, Span<float> work) =>
        Volatile.Read(ref _limits).Apply(work, Last, _lastTimeNs == long.MinValue ? 0 : (timeNs - _lastTimeNs) / 1e9);
}
