using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Runs one rate profile's graph (sensors, slow context modules, the fast action head, the output
/// stage) under a <see cref="ClockDriver"/>: the <see cref="RealTimeDriver"/> on the robot, the
/// <see cref="VirtualTimeDriver"/> in replay.
/// </summary>
/// <remarks>
/// Three parts (Drake's System / Context / Simulator): the immutable <see cref="ExecutorGraph"/> (built
/// once here; its remarks give the tick order: observe, publish, trigger, read + act), the
/// <see cref="RunState"/> (everything a run changes; the one this executor reports on) and the driver
/// (paces the run and hands the booked tick index to the graph's tick). This class is the thin public
/// entry point over them.
/// </remarks>
public sealed class MultiRateExecutor : IDisposable
{
    private readonly ExecutorGraph _graph;
    private readonly RunState _state;

    /// <summary>Builds the graph and its run state. Modules are owned by the caller.</summary>
    public MultiRateExecutor(
        RateProfile profile,
        IActionHead head,
        IReadOnlyDictionary<string, IContextModule> contexts,
        ISensorSource sensor,
        IActuatorSink? sink,
        ExecutorOptions options)
    {
        _graph = new ExecutorGraph(profile, head, contexts, sensor, options);
        _state = _graph.NewState(sink);
    }

    /// <summary>Latent ages and recursion steps the action clock's head read.</summary>
    public HeadStats HeadStats => _state.HeadStats;

    /// <summary>The run's ledger: every outcome and fault, counted per clock (read from any thread).</summary>
    public RunLedger Ledger => _state.Ledger;

    /// <summary>Per-clock latency statistics, slowest first, action clock last.</summary>
    public IEnumerable<ClockStats> ClockStats => _state.ClockStats;

    /// <summary>The latent channel each clock publishes to.</summary>
    public IReadOnlyDictionary<string, LatentChannel> Channels => _state.Channels;

    /// <summary>Base ticks run so far (for progress displays; read from any thread).</summary>
    public long BaseTicksDone => _state.LastBaseTick + 1;

    /// <summary>True while a real-time run warms up before tick 0 (up to about 2 s; read from any thread).</summary>
    public bool WarmingUp => _state.WarmingUp;

    /// <summary>Base ticks this run will take (0 before <see cref="Run"/>).</summary>
    public long BaseTicksTotal => _state.TotalTicks;

    /// <summary>Observer exceptions swallowed so far.</summary>
    public long ObserverFaults => Ledger.Total(LedgerEntry.ObserverFault);

    /// <summary>True when the last run was cancelled before its end (every run ends by ramping to the safe action).</summary>
    public bool StoppedEarly => _state.StoppedEarly;

    /// <summary>The profile in effect (changes at a tick boundary after <see cref="Reload"/>).</summary>
    public RateProfile Profile => _state.Current;

    /// <summary>Reloads applied so far.</summary>
    public long Reloads => _state.Reloads;

    /// <summary>Test hook: the budget the running deadline watchdog times its deadlines with (null when none runs).</summary>
    internal long? WatchdogBudgetNs => _state.Watchdog?.BudgetNs;

    /// <summary>Runs for <paramref name="duration"/> of run time under <paramref name="driver"/> and returns the summary.</summary>
    /// <remarks>
    /// The driver paces the run: <see cref="VirtualTimeDriver"/> advances its virtual clock on the calling
    /// thread; <see cref="RealTimeDriver"/> warms up, then blocks the caller until the run ends or is cancelled.
    /// </remarks>
    public RunSummary Run(ClockDriver driver, TimeSpan duration, CancellationToken cancellation = default) =>
        RunLoop.Run(_graph, _state, driver, duration, cancellation);

    /// <summary>
    /// Hot reload: <paramref name="updated"/> (already validated as a live edit of the current profile:
    /// only budgets, overrun policies, latencies, the stale-latent policy and action limits differ)
    /// takes effect at the next base-tick boundary. Safe to call from any thread.
    /// </summary>
    public void Reload(RateProfile updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        RateProfile profile = _graph.Profile;
        if (updated.BaseTickHz != profile.BaseTickHz || updated.Action.Dimension != profile.Action.Dimension
            || updated.Clocks.Count != profile.Clocks.Count || updated.Clocks.Any(c => !profile.Clocks.Any(o => o.Name == c.Name && o.RateHz == c.RateHz && o.OffsetTicks == c.OffsetTicks)))
        {
            throw new ArgumentException("a live reload may change budgets, policies and limits only; validate it with ProfileValidator.ValidateEdit first", nameof(updated));
        }

        _state.QueueReload(updated);
    }

    /// <inheritdoc />
    public void Dispose() => _state.Dispose();

    /// <summary>
    /// Runs base tick <paramref name="baseTick"/> of the graph on the calling thread, outside any
    /// <see cref="ClockDriver"/>: no pacing, no deadline watchdog, no warm-up. The seam that lets the fast
    /// path be measured (and single-stepped in tests) without a scheduler in the timing.
    /// </summary>
    /// <remarks>
    /// Slow updates run only under a driver (its runners do the work), so a base tick on which a slow
    /// clock is due throws <see cref="InvalidOperationException"/> here unless <see cref="Run"/> has
    /// attached them. Ticks are expected in increasing order; a gap is counted as skipped periods, as
    /// after a driver's overrun.
    /// </remarks>
    /// <param name="baseTick">The base tick index (0 = run time 0).</param>
    public void Tick(long baseTick) => _graph.Tick(_state, baseTick);
}
