using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Observation;

/// <summary>
/// Fans each event out to the run's observers. An observer that throws is counted and skipped, never
/// allowed to stop the tick. No allocation: a plain array loop.
/// </summary>
internal sealed class ObserverSet
{
    private readonly IRunObserver[] _observers;
    private long _faults;

    public ObserverSet(IEnumerable<IRunObserver>? observers) => _observers = observers?.ToArray() ?? [];

    public static ObserverSet Empty { get; } = new(null);

    public bool Any => _observers.Length > 0;

    /// <summary>Exceptions thrown by observers (each one swallowed).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    public void Action(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                o.OnAction(timeNs, tick, kind, action);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    public void FastTick(in FastTickRecord record)
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                o.OnFastTick(in record);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    public void SlowTick(in SlowTickRecord record)
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                o.OnSlowTick(in record);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    public void Fault(in FaultRecord record)
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                o.OnFault(in record);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    public void Latent(string clock, LatentSnapshot snapshot, long publishedNs)
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                o.OnLatentPublished(clock, snapshot, publishedNs);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }
}
