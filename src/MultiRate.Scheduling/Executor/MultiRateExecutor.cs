using System.Diagnostics;
using System.Reactive.Concurrency;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Runs one rate profile's graph (sensors, slow context modules, the fast action head, the output
/// stage) under a <see cref="ClockDriver"/>: the <see cref="RealTimeDriver"/> on the robot, the
/// <see cref="VirtualTimeDriver"/> in replay.
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
/// The driver books base tick k and hands k to <see cref="Tick"/>; modules receive time as data.
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
    private readonly ObserverSet _observers;
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
        _observers = new ObserverSet(options.Observers);
        _head = head;
        _contexts = contexts;
        _sensor = sensor;
        _basePeriod = profile.BaseTickNs;

        var channels = profile.Clocks.ToDictionary(c => c.Name, _ => new LatentChannel());
        ClockDefinition actionClock = profile.ActionClock;
        var slow = new List<SlowStage>();
        int historyRows = 1;
        foreach (ClockDefinition clock in profile.Clocks.Where(c => c != actionClock).OrderBy(c => c.RateHz))
        {
            IContextModule module = contexts[clock.Module];
            HandoffDefinition? outgoing = profile.Handoffs.FirstOrDefault(h => h.From == clock.Name);
            HandoffDefinition? incoming = profile.Handoffs.FirstOrDefault(h => h.To == clock.Name);
            var stats = new ClockStats(clock.Name, clock.RateHz, clock.BudgetNs);
            var stage = new SlowStage(clock, profile.BaseTickHz, module, channels[clock.Name], incoming is null ? null : channels[incoming.From], outgoing?.Mode ?? HandoffMode.Deterministic, stats, _observers);
            historyRows = Math.Max(historyRows, stage.HistoryRows);
            slow.Add(stage);
        }

        _slow = [.. slow];
        _slowDue = new long[_slow.Length];
        HeadStats = new HeadStats();
        _output = new OutputStage(profile.Action, sink, HeadStats, _observers);
        _history = new ObservationHistory(historyRows, Math.Max(1, options.ContextFields.Length));
        HandoffDefinition? toHead = profile.Handoffs.FirstOrDefault(h => h.To == actionClock.Name);
        var fastStats = new ClockStats(actionClock.Name, actionClock.RateHz, actionClock.BudgetNs);
        _fast = new FastStage(profile, head, sensor, toHead is null ? null : channels[toHead.From], _output, _history, options, fastStats, HeadStats, _observers)
        {
            Latent = profile.Latent,
        };
        Channels = channels;
    }

    /// <summary>Statistics of the action clock's head and output.</summary>
    public HeadStats HeadStats { get; }

    /// <summary>Per-clock statistics, slowest first, action clock last.</summary>
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
    public long ObserverFaults => _observers.Faults;

    /// <summary>True when the last run was cancelled before its end; the safe action was then emitted last.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Runs for <paramref name="duration"/> of run time under <paramref name="driver"/> and returns the summary.</summary>
    /// <remarks>
    /// The driver paces the run: <see cref="VirtualTimeDriver"/> advances its virtual clock on the calling
    /// thread; <see cref="RealTimeDriver"/> warms up, then blocks the caller until the run ends or is cancelled.
    /// </remarks>
    public RunSummary Run(ClockDriver driver, TimeSpan duration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var wall = Stopwatch.StartNew();
        long totalTicks = Math.Max(1, (duration.Ticks * 100) / _basePeriod);
        Volatile.Write(ref _totalTicks, totalTicks);
        using var done = new ManualResetEventSlim();
        INanosecondClock clock = driver.Clock;
        long tick0 = 0;
        long NowNs() => clock.NowNs - tick0;

        var runners = new List<ISlowRunner>();
        foreach (SlowStage stage in _slow)
        {
            stage.Runner = driver.CreateSlowRunner(stage, _options, NowNs);
            runners.Add(stage.Runner);
        }

        _fast.UseCostModel(driver.HeadCosts(_options));
        driver.BeforeFirstTick(this, runners);

        // Tick 0 is booked after the warm-up, so warm-up time is never counted as skipped periods.
        tick0 = clock.NowNs + driver.StartDelayNs(_basePeriod);
        DeadlineWatchdog? watchdog = _options.DeadlineWatchdog
            ? driver.StartWatchdog(_fast, _output, tick0, _basePeriod, totalTicks, _options)
            : null;
        Volatile.Write(ref _watchdog, watchdog);

        // The driver hands over the booked base tick; nothing here reads a clock to learn which tick it is.
        Action<long> body = k =>
        {
            if (k >= totalTicks || cancellation.IsCancellationRequested)
            {
                done.Set();
                return;
            }

            Tick(k);
        };
        IDisposable periodic = driver.ScheduleBaseTicks(tick0, _basePeriod, body);
        try
        {
            driver.Drive(tick0 + ((totalTicks - 1) * _basePeriod), done.WaitHandle, cancellation);
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
            _output.EmitSafeOnStop(driver.StopTimeNs(_lastBaseTick + 1, _basePeriod, NowNs()));
        }

        HeadStats.Flush();
        return SummaryBuilder.Build(_profile, driver.Mode, _lastBaseTick + 1, _basePeriod, wall.Elapsed, ClockStats.ToList(), HeadStats, _output.ActionsSha256, Channels, _observers.Faults) with { StoppedEarly = StoppedEarly };
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
                s.Stats.SkippedPeriods += s.TicksBetween(_lastBaseTick, baseTick);
            }

            _fast.Stats.SkippedPeriods += _fast.TicksBetween(_lastBaseTick, baseTick);
        }

        if (_pendingReload is not null)
        {
            ApplyReload(baseTick);
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
