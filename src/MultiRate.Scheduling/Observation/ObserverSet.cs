using System.Reflection;
using System.Runtime.CompilerServices;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Observation;

/// <summary>
/// Fans each event out to the run's observers. An observer that throws is counted and skipped, never
/// allowed to stop the tick. No allocation: a plain array loop, and the per-event calls are static
/// lambdas (cached delegates) taking the event by reference. Owned by the <see cref="Ledger.RunLedger"/>,
/// which counts each event before passing it on.
/// </summary>
internal sealed class ObserverSet
{
    private readonly IRunObserver[] _observers;
    private readonly Action _onObserverFault;

    /// <summary>Creates the set; <paramref name="onObserverFault"/> counts each exception an observer throws.</summary>
    public ObserverSet(IEnumerable<IRunObserver>? observers, Action onObserverFault)
    {
        _observers = observers?.ToArray() ?? [];
        _onObserverFault = onObserverFault;
    }

    /// <summary>One observer call with its event.</summary>
    private delegate void Call<T>(IRunObserver observer, in T e)
        where T : allows ref struct;

    public bool Any => _observers.Length > 0;

    public void Action(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) =>
        Fan(new ActionEvent(timeNs, tick, kind, action), static (o, in e) => o.OnAction(e.TimeNs, e.Tick, e.Kind, e.Values));

    public void FastTick(in FastTickRecord record) => Fan(in record, static (o, in r) => o.OnFastTick(in r));

    public void SlowTick(in SlowTickRecord record) => Fan(in record, static (o, in r) => o.OnSlowTick(in r));

    public void Fault(in FaultRecord record) => Fan(in record, static (o, in r) => o.OnFault(in r));

    public void Latent(string clock, LatentSnapshot snapshot, long publishedNs) =>
        Fan(new LatentEvent(clock, snapshot, publishedNs), static (o, in e) => o.OnLatentPublished(e.Clock, e.Snapshot, e.PublishedNs));

    /// <summary>
    /// Compiles each observer's event methods now (real-time start-up), so the first event of the run
    /// does not wait for the JIT on the clock thread (0.1-0.8 ms each here at tick 0 and at the first
    /// published latent).
    /// </summary>
    public void PrepareMethods()
    {
        foreach (IRunObserver o in _observers)
        {
            InterfaceMapping map = o.GetType().GetInterfaceMap(typeof(IRunObserver));
            foreach (MethodInfo method in map.TargetMethods)
            {
                if (!method.IsAbstract && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }
        }
    }

    private void Fan<T>(in T e, Call<T> call)
        where T : allows ref struct
    {
        foreach (IRunObserver o in _observers)
        {
            try
            {
                call(o, in e);
            }
#pragma warning disable CA1031 // An observer must not stop the clock.
            catch (Exception)
#pragma warning restore CA1031
            {
                _onObserverFault();
            }
        }
    }

    private readonly ref struct ActionEvent(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> values)
    {
        public long TimeNs { get; } = timeNs;

        public long Tick { get; } = tick;

        public ActionKind Kind { get; } = kind;

        public ReadOnlySpan<float> Values { get; } = values;
    }

    private readonly record struct LatentEvent(string Clock, LatentSnapshot Snapshot, long PublishedNs);
}
