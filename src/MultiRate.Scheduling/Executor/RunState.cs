using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// Everything one run of an <see cref="ExecutorGraph"/> changes: the ledger, the stages' statistics and latent
/// channels, the observation history, the output stage's claim and hash, the base-tick counters, a
/// pending hot reload and the running deadline watchdog. A new run (or the real-time warm-up) gets a
/// new one, so nothing a run leaves behind leaks into the next.
/// </summary>
/// <remarks>
/// Written on the fast thread (the tick), the slow runners' threads (completions) and, in real time,
/// the watchdog thread (through the output stage's claim). Fields read from other threads are volatile.
/// </remarks>
internal sealed class RunState : IDisposable
{
    private RateProfile _current;
    private RateProfile? _pendingReload;
    private long _lastBaseTick = -1;
    private long _totalTicks;
    private DeadlineWatchdog? _watchdog;
    private bool _warmingUp;

    public RunState(ExecutorGraph graph, IActuatorSink? sink, ExecutorOptions options)
    {
        RateProfile profile = graph.Profile;
        _current = profile;
        Options = options;
        var channels = profile.Clocks.ToDictionary(c => c.Name, _ => new LatentChannel());
        ClockDefinition actionClock = profile.ActionClock;
        Ledger = new RunLedger([.. graph.SlowClocks.Select(c => c.Name), actionClock.Name], actionClock.Name, options.Observers);
        var slow = new List<SlowStage>();
        int historyRows = 1;
        foreach (ClockDefinition clock in graph.SlowClocks)
        {
            HandoffDefinition? outgoing = profile.Handoffs.FirstOrDefault(h => h.From == clock.Name);
            HandoffDefinition? incoming = profile.Handoffs.FirstOrDefault(h => h.To == clock.Name);
            var stats = new ClockStats(clock.Name, clock.RateHz, clock.BudgetNs);
            var stage = new SlowStage(clock, profile.BaseTickHz, graph.Contexts[clock.Module], channels[clock.Name], incoming is null ? null : channels[incoming.From], outgoing?.Mode ?? HandoffMode.Deterministic, stats, Ledger);
            historyRows = Math.Max(historyRows, stage.HistoryRows);
            slow.Add(stage);
        }

        Slow = [.. slow];
        Plan = new TickPlan(graph.Calendar);
        HeadStats = new HeadStats();
        Output = new OutputStage(profile.Action, sink, Ledger);
        History = new ObservationHistory(historyRows, Math.Max(1, options.ContextFields.Length));
        HandoffDefinition? toHead = profile.Handoffs.FirstOrDefault(h => h.To == actionClock.Name);
        var fastStats = new ClockStats(actionClock.Name, actionClock.RateHz, actionClock.BudgetNs);
        Fast = new FastStage(profile, graph.Head, graph.Sensor, toHead is null ? null : channels[toHead.From], Output, History, options, fastStats, HeadStats, Ledger)
        {
            Latent = profile.Latent,
        };
        Channels = channels;
    }

    /// <summary>This run's options (the graph's, or a variant of them).</summary>
    public ExecutorOptions Options { get; }

    /// <summary>This run's ledger (a fresh run state, a fresh ledger): every outcome and fault, counted once; it tells the run's observers.</summary>
    public RunLedger Ledger { get; }

    /// <summary>The slow stages, slowest first.</summary>
    public SlowStage[] Slow { get; }

    /// <summary>This run's walk of the calendar's rows (the tick's structure; one per run, it keeps its place).</summary>
    public TickPlan Plan { get; }

    public FastStage Fast { get; }

    public OutputStage Output { get; }

    public ObservationHistory History { get; }

    public HeadStats HeadStats { get; }

    public IReadOnlyDictionary<string, LatentChannel> Channels { get; }

    /// <summary>Per-clock statistics, slowest first, action clock last.</summary>
    public IEnumerable<ClockStats> ClockStats => Slow.Select(s => s.Stats).Append(Fast.Stats);

    /// <summary>The last base tick run (-1 before tick 0); written by the tick, read from any thread.</summary>
    public long LastBaseTick
    {
        get => Volatile.Read(ref _lastBaseTick);
        set => Volatile.Write(ref _lastBaseTick, value);
    }

    /// <summary>Base ticks this run takes (0 before it starts).</summary>
    public long TotalTicks
    {
        get => Volatile.Read(ref _totalTicks);
        set => Volatile.Write(ref _totalTicks, value);
    }

    /// <summary>True while the real-time driver warms up before tick 0.</summary>
    public bool WarmingUp
    {
        get => Volatile.Read(ref _warmingUp);
        set => Volatile.Write(ref _warmingUp, value);
    }

    /// <summary>The deadline watchdog of the run in progress, or null.</summary>
    public DeadlineWatchdog? Watchdog
    {
        get => Volatile.Read(ref _watchdog);
        set => Volatile.Write(ref _watchdog, value);
    }

    /// <summary>The profile in effect (changes at a tick boundary after a reload).</summary>
    public RateProfile Current => Volatile.Read(ref _current);

    public bool StoppedEarly { get; set; }

    /// <summary>Safe-kind actions the stop ramp sent after the last tick (also counted as stop fallbacks).</summary>
    public long StopRampActions { get; set; }

    public long Reloads { get; private set; }

    public bool ReloadPending => Volatile.Read(ref _pendingReload) is not null;

    /// <summary>Queues an already validated live edit for the next base-tick boundary (any thread).</summary>
    public void QueueReload(RateProfile updated) => Volatile.Write(ref _pendingReload, updated);

    /// <summary>Applies a pending reload on the dispatcher thread, between two ticks (before base tick <paramref name="baseTick"/>).</summary>
    public void ApplyReload(long baseTick)
    {
        RateProfile? updated = Interlocked.Exchange(ref _pendingReload, null);
        if (updated is null)
        {
            return;
        }

        foreach (SlowStage s in Slow)
        {
            s.Clock = updated.Clock(s.Clock.Name);
            s.Stats.BudgetNs = s.Clock.BudgetNs;
        }

        Fast.Clock = updated.ActionClock;
        Fast.Stats.BudgetNs = Fast.Clock.BudgetNs;
        Fast.Latent = updated.Latent;

        // The watchdog's deadlines follow the new budget and policy (it timed them from the old ones).
        Watchdog?.Retime(baseTick);
        Output.UpdateLimits(updated.Action);
        Volatile.Write(ref _current, updated);
        Reloads++;
    }

    public void Dispose() => Output.Dispose();
}
