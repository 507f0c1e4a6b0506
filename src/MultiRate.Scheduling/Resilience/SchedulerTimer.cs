using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Resilience;

/// <summary>One <see cref="ITimer"/> of <see cref="SchedulerTimeProvider"/>: a scheduled work item, rescheduled for periodic timers.</summary>
internal sealed class SchedulerTimer : ITimer
{
    private readonly IScheduler _scheduler;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly Lock _gate = new();
    private IDisposable? _pending;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public SchedulerTimer(IScheduler scheduler, TimerCallback callback, object? state)
    {
        _scheduler = scheduler;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _pending?.Dispose();
            _pending = null;
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending = _scheduler.Schedule(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, Fire);
            }

            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Invoke() => _callback(_state);

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _scheduler.Schedule(_period, Fire) : null;
        }

        // Whatever this callback completes (Polly's timeout cancellation) must continue inline, at this virtual time.
        InlineCompletion.Run(static s => ((SchedulerTimer)s!).Invoke(), this);
    }
}
