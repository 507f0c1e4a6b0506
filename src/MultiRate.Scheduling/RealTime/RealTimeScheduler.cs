using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Runtime.CompilerServices;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.RealTime;

/// <summary>
/// A System.Reactive <see cref="IScheduler"/> that runs all its work on one dedicated thread at
/// absolute monotonic deadlines: it sleeps with clock_nanosleep(TIMER_ABSTIME) until
/// <see cref="RealTimeSchedulerOptions.SpinMargin"/> before the deadline, then spins.
/// </summary>
/// <remarks>
/// <code>
///   booked deadline D(k) = t0 + k * period  (computed from k, never accumulated)
///   ---------|-----------------------------------|------------------> monotonic time
///        D(k) - margin                          D(k)
///   [ clock_nanosleep(ABSTIME) ][ spin ][ work(k) ... ]
///                                       ^ book D(k+1) before work; after work,
///                                         if now > D(k+1): skip to the first D(j) >= now (counted)
/// </code>
/// Why: .NET timers follow the kernel's 4 ms tick and Rx's interval timers drift (about 10 ms
/// behind in 3 s at 1 kHz on this class of machine). Periodic work (<see cref="ISchedulerPeriodic"/>)
/// is booked from its tick index and never bursts to catch up after an overrun (ros2_control).
/// Thread contract: work runs only on the scheduler thread, in due-time order, FIFO for equal
/// due times. Scheduling from any thread is safe. Steady-state periodic work allocates nothing.
/// Work scheduled from another thread less than 5 ms ahead of the thread's current sleep target
/// may wait until that target; the runtime schedules its periodic work before starting.
/// Capabilities (<see cref="ISchedulerPeriodic"/>, <see cref="IStopwatchProvider"/>, <see cref="INanosecondClock"/>,
/// <see cref="ITickScheduler"/>) are offered through <see cref="IServiceProvider.GetService"/>. Time is
/// CLOCK_MONOTONIC in nanoseconds, the same for every instance: there is no process-wide epoch object.
/// </remarks>
public sealed partial class RealTimeScheduler : IScheduler, ISchedulerPeriodic, IStopwatchProvider, IServiceProvider, INanosecondClock, ITickScheduler, IClockThreadWarmUp, IDisposable
{
    private const long CoarseWaitNs = 5_000_000;

    private readonly RealTimeSchedulerOptions _options;
    private readonly PriorityQueue<ScheduledWork, (long Due, long Seq)> _queue = new(64);
    private readonly object _gate = new();
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _placed = new();
    // Only the DateTimeOffset view (IScheduler.Now) needs an epoch: this instance's own. Deadlines shared
    // between schedulers are monotonic nanoseconds (INanosecondClock), which need none.
    private readonly long _epochMonoNs = NativeClock.MonotonicNs();
    private readonly DateTimeOffset _epochWall = DateTimeOffset.UtcNow;
    private long _seq;
    private long _skipped;
    private long _faults;
    private volatile bool _disposed;

    /// <summary>Creates the scheduler and starts its thread.</summary>
    public RealTimeScheduler(RealTimeSchedulerOptions? options = null)
    {
        _options = options ?? new RealTimeSchedulerOptions();
        _thread = new Thread(Run) { IsBackground = true, Name = _options.ThreadName };
        _thread.Start();

        // Wait until the thread has applied its CPU pin and priority (microseconds), so PlacementNote
        // is final when the constructor returns and a caller can report a refusal before the clock starts.
        _placed.Wait();
        _placed.Dispose();
    }

    /// <inheritdoc />
    public DateTimeOffset Now => _epochWall + TimeSpan.FromTicks((NativeClock.MonotonicNs() - _epochMonoNs) / 100);

    /// <summary>Periods skipped by periodic work after overruns, over all periodic work.</summary>
    public long SkippedPeriods => Interlocked.Read(ref _skipped);

    /// <summary>Work items that threw (the exception is swallowed so the clock keeps running).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>The first exception thrown by work, if any.</summary>
    public Exception? FirstFault { get; private set; }

    /// <summary>How late the current work item woke, in ns (valid only inside work on this scheduler).</summary>
    public long CurrentLatenessNs { get; private set; }

    /// <summary>
    /// Why CPU pinning or SCHED_FIFO was not applied (the thread then runs unpinned / at normal
    /// priority), or null when all requested placement applied. Final once the constructor has returned.
    /// </summary>
    public string? PlacementNote { get; private set; }

    /// <summary>Why the CPU pin asked for was refused (null: pinned, or none asked); set before the constructor returns.</summary>
    public string? PinRefusal { get; private set; }

    /// <summary>Why the SCHED_FIFO priority asked for was refused (null: granted, or none asked); set before the constructor returns.</summary>
    public string? FifoRefusal { get; private set; }

    /// <summary>Monotonic nanoseconds of an instant on this scheduler's clock.</summary>
    public long ToMonotonicNs(DateTimeOffset time) => _epochMonoNs + ((time - _epochWall).Ticks * 100);

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(new OneShotWork<TState>(state, action, NativeClock.MonotonicNs()));

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(new OneShotWork<TState>(state, action, NativeClock.MonotonicNs() + Math.Max(0, dueTime.Ticks * 100)));

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Enqueue(new OneShotWork<TState>(state, action, ToMonotonicNs(dueTime)));

    /// <inheritdoc />
    /// <remarks>The first run is one period from now; later runs are booked from the tick index.</remarks>
    public IDisposable SchedulePeriodic<TState>(TState state, TimeSpan period, Func<TState, TState> action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        long periodNs = period.Ticks * 100;
        return Enqueue(new PeriodicWork<TState>(state, action, NativeClock.MonotonicNs() + periodNs, periodNs));
    }

    /// <inheritdoc />
    public IStopwatch StartStopwatch() => new MonotonicStopwatch();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    internal void CountSkipped(long n)
    {
        if (n != 0)
        {
            Interlocked.Add(ref _skipped, n);
        }
    }

    private ScheduledWork Enqueue(ScheduledWork work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            _queue.Enqueue(work, (work.DueNs, _seq++));
            Monitor.Pulse(_gate);
        }

        return work;
    }

    private void ApplyPlacement()
    {
        var notes = new List<string>();
        if (_options.Cpu is int cpu && ThreadPlacement.PinCurrentThread(cpu) is string pinNote)
        {
            notes.Add(pinNote);
            PinRefusal = pinNote;
        }

        if (_options.FifoPriority is int prio && ThreadPlacement.SetFifoPriority(prio) is string prioNote)
        {
            notes.Add(prioNote);
            FifoRefusal = prioNote;
        }

        PlacementNote = notes.Count == 0 ? null : string.Join("; ", notes);
    }

    // Fully optimised from the start: this loop runs for the whole life of the clock. Tiered, it starts as
    // quick (tier-0) code and, a few seconds in, its loop counter triggers on-stack replacement: the
    // optimised version is then compiled synchronously on this thread, inside a period (2-5 ms measured
    // with a JIT event listener, a 2-5 tick deadline miss 3.5-4.8 s into most real-time runs).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        try
        {
            ApplyPlacement();
        }
        finally
        {
            _placed.Set();
        }

        long marginNs = _options.SpinMargin.Ticks * 100;
        while (!_disposed)
        {
            ScheduledWork? work = NextDue(marginNs);
            if (work is null)
            {
                continue;
            }

            CurrentLatenessNs = NativeClock.MonotonicNs() - work.DueNs;
            bool again;
            try
            {
                again = work.Invoke(this);
            }
#pragma warning disable CA1031 // A clock must keep ticking whatever one work item does; the fault is counted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
                FirstFault ??= ex;
                again = work.IsPeriodic;
            }

            if (again && !work.Cancelled && !_disposed)
            {
                lock (_gate)
                {
                    _queue.Enqueue(work, (work.DueNs, _seq++));
                }
            }
        }
    }

    /// <summary>Waits for the earliest work item's deadline and dequeues it; null when woken to re-check.</summary>
    private ScheduledWork? NextDue(long marginNs)
    {
        ScheduledWork head;
        long due;
        lock (_gate)
        {
            while (_queue.Count == 0 && !_disposed)
            {
                Monitor.Wait(_gate);
            }

            if (_disposed || !_queue.TryPeek(out head!, out var prio))
            {
                return null;
            }

            if (head.Cancelled)
            {
                _queue.Dequeue();
                return null;
            }

            due = prio.Due;
            long remaining = due - NativeClock.MonotonicNs();
            if (remaining > CoarseWaitNs)
            {
                // Far away: an interruptible wait, so earlier work scheduled meanwhile is seen.
                Monitor.Wait(_gate, TimeSpan.FromTicks((remaining - CoarseWaitNs) / 100));
                return null;
            }
        }

        if (due - marginNs > NativeClock.MonotonicNs())
        {
            NativeClock.SleepUntil(due - marginNs);
        }

        while (NativeClock.MonotonicNs() < due)
        {
            Thread.SpinWait(8);
        }

        lock (_gate)
        {
            // Run whatever is earliest now (it is due too: its due time is <= this one's).
            return _queue.Dequeue();
        }
    }

    private sealed class MonotonicStopwatch : IStopwatch
    {
        private readonly long _start = NativeClock.MonotonicNs();

        public TimeSpan Elapsed => TimeSpan.FromTicks((NativeClock.MonotonicNs() - _start) / 100);
    }
}
