using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MultiRate.Bench.Diagnostics;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Bench.Wakeup;

/// <summary>
/// The baseline clock for <c>bench wakeup</c>: an Rx <see cref="IScheduler"/> whose periodic work is
/// driven by <c>Observable.Interval</c> on an <see cref="EventLoopScheduler"/>, so the whole runtime
/// can run on it unchanged. Wake-up error = time the callback starts minus the ideal
/// <c>start + (n + 1) * period</c> (Interval promises one value per period, so drift is part of its error).
/// </summary>
internal sealed class RxIntervalClock : IScheduler, ISchedulerPeriodic, IServiceProvider, INanosecondClock, ITickScheduler, IDisposable
{
    private readonly EventLoopScheduler _loop = new(start => new Thread(start) { IsBackground = true, Name = "bench-rx-interval" });

    /// <summary>How late the current periodic callback started, ns (valid inside the callback).</summary>
    public long CurrentLatenessNs { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset Now => _loop.Now;

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => _loop.Schedule(state, action);

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) => _loop.Schedule(state, dueTime, action);

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) => _loop.Schedule(state, dueTime, action);

    /// <inheritdoc />
    public IDisposable SchedulePeriodic<TState>(TState state, TimeSpan period, Func<TState, TState> action)
    {
        long periodTicks = (long)(period.TotalSeconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();
        return Observable.Interval(period, _loop).Subscribe(i =>
        {
            CurrentLatenessNs = TickLoopHarness.ToNs(Stopwatch.GetTimestamp() - (start + ((i + 1) * periodTicks)));
            state = action(state);
        });
    }

    /// <inheritdoc />
    public long NowNs => TickLoopHarness.ToNs(Stopwatch.GetTimestamp());

    /// <inheritdoc />
    /// <remarks>
    /// Interval books no deadlines, so it has no tick index to hand over: the index is what this clock
    /// reads when the callback runs (ticks before tick 0 are not passed on). That is the baseline measured.
    /// </remarks>
    public IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick) =>
        SchedulePeriodic(0L, TimeSpan.FromTicks(periodNs / 100), n =>
        {
            long sinceTick0 = NowNs - firstDueNs;
            if (sinceTick0 >= 0)
            {
                tick(sinceTick0 / periodNs);
            }

            return n;
        });

    /// <inheritdoc />
    /// <remarks>The runtime and Rx find capabilities through this (Scheduler.AsPeriodic), not by a type test.</remarks>
    public object? GetService(Type serviceType) =>
        serviceType == typeof(ISchedulerPeriodic) || serviceType == typeof(INanosecondClock) || serviceType == typeof(ITickScheduler) ? this : null;

    /// <inheritdoc />
    public void Dispose() => _loop.Dispose();
}
