using System.Reactive.Disposables;

namespace MultiRate.Scheduling.RealTime;

/// <summary>Work scheduled once through <see cref="System.Reactive.Concurrency.IScheduler.Schedule{TState}(TState, DateTimeOffset, Func{System.Reactive.Concurrency.IScheduler, TState, IDisposable})"/>.</summary>
internal sealed class OneShotWork<TState> : ScheduledWork
{
    private readonly TState _state;
    private readonly Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> _action;
    private readonly SingleAssignmentDisposable _inner = new();

    public OneShotWork(TState state, Func<System.Reactive.Concurrency.IScheduler, TState, IDisposable> action, long dueNs)
    {
        _state = state;
        _action = action;
        DueNs = dueNs;
    }

    public override bool IsPeriodic => false;

    public override bool Invoke(RealTimeScheduler scheduler)
    {
        _inner.Disposable = _action(scheduler, _state);
        return false;
    }
}
