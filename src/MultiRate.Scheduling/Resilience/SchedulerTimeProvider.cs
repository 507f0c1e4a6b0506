using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// A <see cref="TimeProvider"/> over an Rx <see cref="IScheduler"/>: now is the scheduler's now, timers
/// are scheduler work items. Over Rx's <c>HistoricalScheduler</c> every Polly timeout and break
/// duration happens in virtual time, exactly and deterministically.
/// </summary>
/// <remarks>
/// Timer callbacks run on the scheduler's thread (in virtual time, the thread advancing it). Not for
/// the real-time scheduler: its thread is the fast thread, and Polly must stay off it.
/// </remarks>
public sealed class SchedulerTimeProvider : TimeProvider
{
    private readonly IScheduler _scheduler;

    /// <summary>Wraps <paramref name="scheduler"/>.</summary>
    public SchedulerTimeProvider(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _scheduler.Now;

    /// <inheritdoc />
    public override long GetTimestamp() => _scheduler.Now.UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SchedulerTimer(_scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}
