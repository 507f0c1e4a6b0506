namespace MultiRate.Scheduling.RealTime;

/// <summary>Rx periodic work (<see cref="System.Reactive.Concurrency.ISchedulerPeriodic"/>): the state threads through the runs.</summary>
internal sealed class PeriodicWork<TState>(TState state, Func<TState, TState> action, long firstDueNs, long periodNs)
    : BookedWork(firstDueNs, periodNs)
{
    private TState _state = state;

    protected override void Run(long tick) => _state = action(_state);
}
