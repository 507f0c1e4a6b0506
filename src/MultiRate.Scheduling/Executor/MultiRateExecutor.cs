using System.Diagnostics;
using System.Reactive.Concurrency;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Core.Timing;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Runs one rate profile's graph (sensors, slow context modules, the fast action head, the output
/// stage) on any Rx <see cref="IScheduler"/>: the <see cref="RealTime.RealTimeScheduler"/> on the
/// robot, Rx's <see cref="HistoricalScheduler"/> in replay.
/// </summary>
/// <remarks>
/// One periodic schedule at the base tick drives everything. At base tick k (time t = k * base):
/// <code>
///   1. observe      fast clock due: sample sensors at t, append the context row to history
///   2. publish      every slow clock due, slowest first: deterministic snapshots ready since the
///                   last boundary become visible
///   3. trigger      every slow clock due, slowest first: start an update, or skip it (counted)
///                   when the previous one still runs; it sees the latents published in step 2
///   4. read + act   fast clock due: read the latest latent (no lock), run the head, emit one action
/// </code>
/// Time is integer nanoseconds from the run's tick 0; tick times are k * period, never accumulated.
/// The executor only reads time from its scheduler; modules receive time as data.
/// </remarks>
public sealed partial class MultiRateExecutor : IDisposable
{
    private readonly RateProfile _profile;
    private readonly ExecutorOptions _options;
    private readonly IActionHead _head;
    private readonly IReadOnlyDictionary<string, IContextModule> _contexts;
    private readonly SlowStage[] _slow;
    private readonly long[] _slowDue;
    private readonly FastStage _fast;
    private readonly OutputStage _output;
    private readonly ObservationHistory _history;
    private readonly long _basePeriod;
    private readonly ISensorSource _sensor;
    private RateProfile _current;
    private RateProfile? _pendingReload;
    private long _lastBaseTick = -1;
    private long _totalTicks;
    private DeadlineWatchdog? _watchdog;
    private bool _warmingUp;

    /// <summary>Builds the graph. Modules are owned by the caller.</summary>
    public MultiRateExecutor(
        RateProfile profile,
        IActionHead head,
        IReadOnlyDictionary<string, IContextModule> contexts,
        ISensorSource sensor,
        IActuatorSink? sink,
        ExecutorOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        _profile = profile;
        _current = profile;
        _options = options;
        _head = head;
        _contexts = contexts;
        _sensor = sensor;
        _basePeriod = profile.BaseTickNs;

        var channels = profile.Clocks.ToDictionary(c => c.Name, _ => new LatentChannel());
        ClockDefinition actionClock = profile.ActionClock;
        Ledger = new RunLedger([.. profile.Clocks.Where(c => c != actionClock).OrderBy(c => c.RateHz).Select(c => c.Name), actionClock.Name], actionClock.Name, options.Observers);
        var slow = new List<SlowStage>();
        int historyRows = 1;
        foreach (ClockDefinition clock in profile.Clocks.Where(c => c != actionClock).OrderBy(c => c.RateHz))
        {
            IContextModule module = contexts[clock.Module];
            HandoffDefinition? outgoing = profile.Handoffs.FirstOrDefault(h => h.From == clock.Name);
            HandoffDefinition? incoming = profile.Handoffs.FirstOrDefault(h => h.To == clock.Name);
            var stats = new ClockStats(clock.Name, clock.RateHz, clock.BudgetNs);
            var stage = new SlowStage(clock, profile.BaseTickHz, module, channels[clock.Name], incoming is null ? null : channels[incoming.From], outgoing?.Mode ?? HandoffMode.Deterministic, stats, Ledger);
            historyRows = Math.Max(historyRows, stage.HistoryRows);
            slow.Add(stage);
        }

        _slow = [.. slow];
        _slowDue = new long[_slow.Length];
        HeadStats = new HeadStats();
        _output = new OutputStage(profile.Action, sink, Ledger);
        _history = new ObservationHistory(historyRows, Math.Max(1, options.ContextFields.Length));
        HandoffDefinition? toHead = profile.Handoffs.FirstOrDefault(h => h.To == actionClock.Name);
        var fastStats = new ClockStats(actionClock.Name, actionClock.RateHz, actionClock.BudgetNs);
        _fast = new FastStage(profile, head, sensor, toHead is null ? null : channels[toHead.From], _output, _history, options, fastStats, HeadStats, Ledger)
        {
            Latent = profile.Latent,
        };
        Channels = channels;
    }

    /// <summary>Real time: the least time from the end of the warm-up to tick 0.</summary>
    public static readonly TimeSpan StartMargin = TimeSpan.FromMilliseconds(10);

    /// <summary>Latent ages and recursion steps the action clock's head read.</summary>
    public HeadStats HeadStats { get; }

    /// <summary>The run's ledger: every outcome and fault, counted per clock (read from any thread).</summary>
    public RunLedger Ledger { get; }

    /// <summary>Per-clock latency statistics, slowest first, action clock last.</summary>
    public IEnumerable<ClockStats> ClockStats => _slow.Select(s => s.Stats).Append(_fast.Stats);

    /// <summary>The latent channel each clock publishes to.</summary>
    public IReadOnlyDictionary<string, LatentChannel> Channels { get; }

    /// <summary>Base ticks run so far (for progress displays; read from any thread).</summary>
    public long BaseTicksDone => Volatile.Read(ref _lastBaseTick) + 1;

    /// <summary>True while a real-time run warms up before tick 0 (up to about 2 s; read from any thread).</summary>
    public bool WarmingUp => Volatile.Read(ref _warmingUp);

    /// <summary>Base ticks this run will take (0 before <see cref="Run"/>).</summary>
    public long BaseTicksTotal => Volatile.Read(ref _totalTicks);

    /// <summary>Observer exceptions swallowed so far.</summary>
    public long ObserverFaults => Ledger.Total(LedgerEntry.ObserverFault);

    /// <summary>True when the last run was cancelled before its end; the safe action was then emitted last.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Runs for <paramref name="duration"/> on <paramref name="scheduler"/> and returns the summary.</summary>
    /// <remarks>
    /// Virtual mode needs a <see cref="VirtualTimeSchedulerBase{TAbsolute, TRelative}"/> (e.g. HistoricalScheduler)
    /// and advances it itself; real-time mode blocks the caller until the run ends or is cancelled.
    /// </remarks>
    public RunSummary Run(IScheduler scheduler, TimeSpan duration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var wall = Stopwatch.StartNew();
        DateTimeOffset tick0 = default;
        long totalTicks = Math.Max(1, (duration.Ticks * 100) / _basePeriod);
        Volatile.Write(ref _totalTicks, totalTicks);
        using var done = new ManualResetEventSlim();
        long NowNs() => (scheduler.Now - tick0).Ticks * 100;
        DateTimeOffset ToTime(long ns) => tick0 + TimeSpan.FromTicks(ns / 100);

        var runners = new List<ISlowRunner>();
        foreach (SlowStage stage in _slow)
        {
            stage.Runner = _options.Mode == ExecutionMode.Virtual
                ? new VirtualSlowRunner(scheduler, ToTime, _options.CostModel, _options.Recursion, _options.Resilience)
                : new ThreadSlowRunner(stage.Clock.Name, NowNs, _options.Recursion, stage.Clock.Cpu, _options.Resilience);
            runners.Add(stage.Runner);
        }

        if (_options.Mode == ExecutionMode.RealTime)
        {
            Volatile.Write(ref _warmingUp, true);
            try
            {
                WarmUp(runners, scheduler);
            }
            finally
            {
                Volatile.Write(ref _warmingUp, false);
            }
        }

        // Tick 0 is booked after warm-up, so warm-up time is never counted as skipped periods, and at
        // least StartMargin ahead, so the clock thread is up and waiting when it comes.
        TimeSpan period = TimeSpan.FromTicks(_basePeriod / 100);
        tick0 = scheduler.Now + (_options.Mode == ExecutionMode.RealTime && StartMargin > period ? StartMargin : period);
        DeadlineWatchdog? watchdog = _options.Mode == ExecutionMode.RealTime && _options.DeadlineWatchdog
            ? new DeadlineWatchdog(_fast, _output, tick0, _basePeriod, totalTicks, NowNs, _options.WatchdogFifoPriority)
            : null;
        Volatile.Write(ref _watchdog, watchdog);
        Func<long, long> body = _ =>
        {
            long t = NowNs();
            long k = ClockTime.LastTickAtOrBefore(0, 0, _basePeriod, t);
            if (k >= totalTicks || cancellation.IsCancellationRequested)
            {
                done.Set();
                return 0;
            }

            Tick(k);
            return 0;
        };
        IDisposable periodic = scheduler is RealTime.RealTimeScheduler rt
            ? rt.SchedulePeriodicAt(0L, tick0, period, body)
            : scheduler.SchedulePeriodic(0L, period, body);

        try
        {
            if (_options.Mode == ExecutionMode.Virtual)
            {
                if (scheduler is not VirtualTimeSchedulerBase<DateTimeOffset, TimeSpan> virtualScheduler)
                {
                    throw new ArgumentException("virtual mode needs a virtual-time scheduler such as HistoricalScheduler", nameof(scheduler));
                }

                virtualScheduler.AdvanceTo(ToTime((totalTicks - 1) * _basePeriod));
            }
            else
            {
                WaitHandle.WaitAny([done.WaitHandle, cancellation.WaitHandle]);
            }
        }
        finally
        {
            periodic.Dispose();
            Volatile.Write(ref _watchdog, null);
            watchdog?.Dispose();
            foreach (ISlowRunner runner in runners)
            {
                runner.Dispose();
            }
        }

        if (cancellation.IsCancellationRequested && _lastBaseTick + 1 < totalTicks)
        {
            // Stopped early (SIGINT/SIGTERM, Ctrl-C, a host shutting down): leave the robot on the safe action.
            StoppedEarly = true;
            _output.EmitSafeOnStop(_options.Mode == ExecutionMode.Virtual ? (_lastBaseTick + 1) * _basePeriod : NowNs());
        }

        HeadStats.Flush();
        return SummaryBuilder.Build(_profile, _options.Mode, _lastBaseTick + 1, _basePeriod, wall.Elapsed, ClockStats.ToList(), HeadStats, _output.ActionsSha256, Ledger) with { StoppedEarly = StoppedEarly };
    }

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();

    /// <summary>
    /// One base tick. Public to the tests so the fast path's allocations can be measured without a scheduler.
    /// </summary>
    internal void Tick(long baseTick)
    {
        long t = baseTick * _basePeriod;
        if (baseTick > _lastBaseTick + 1)
        {
            // The scheduler skipped whole periods after an overrun (or a late first wake-up, from -1): count
            // them per clock, never replay them.
            foreach (SlowStage s in _slow)
            {
                s.ReportSkippedPeriods(s.TicksBetween(_lastBaseTick, baseTick));
            }

            _fast.ReportSkippedPeriods(_fast.TicksBetween(_lastBaseTick, baseTick));
        }

        if (_pendingReload is not null)
        {
            ApplyReload();
        }

        Volatile.Write(ref _lastBaseTick, baseTick);
        long fastTick = _fast.DueTick(baseTick);
        if (fastTick >= 0)
        {
            _fast.Observe(t);
        }

        SlowStage[] slow = _slow;
        long[] due = _slowDue;
        bool anySlow = false;
        for (int i = 0; i < slow.Length; i++)
        {
            long slowTick = slow[i].DueTick(baseTick);
            due[i] = slowTick;
            if (slowTick >= 0)
            {
                anySlow = true;
                if (slow[i].Mode == HandoffMode.Deterministic)
                {
                    slow[i].PublishPending(t);
                }
            }
        }

        if (anySlow)
        {
            for (int i = 0; i < slow.Length; i++)
            {
                if (due[i] >= 0)
                {
                    slow[i].Trigger(due[i], t, _history);
                }
            }
        }

        if (fastTick >= 0)
        {
            _fast.Act(fastTick, t);
        }
    }
}
