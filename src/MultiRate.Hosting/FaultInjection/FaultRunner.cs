using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Hosting.Faults;
using MultiRate.Runtime.Running;
using MultiRate.Runtime.Sources;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using Serilog;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>
/// Runs a rate profile and model config in virtual time with one planned fault, and checks what the
/// output did: exactly one action per fast tick, the fault counted in the run's ledger (and reported to
/// the observers as often as it was counted) and logged once per burst, model actions back after the
/// fault clears, nothing crashing.
/// </summary>
/// <remarks>Deterministic: virtual time, seeded plans, the profile's declared compute times.</remarks>
public sealed class FaultRunner
{
    private readonly string _profilePath;
    private readonly string _configPath;
    private readonly IModuleFactory _modules;
    private readonly Func<ModelConfig, ObservationLayout, ISensorSource>? _source;

    /// <summary>Creates a runner.</summary>
    /// <param name="profilePath">Rate profile (e.g. <c>rates/default.yaml</c>).</param>
    /// <param name="configPath">Model config (e.g. <c>configs/default.yaml</c>).</param>
    /// <param name="duration">Run length (default 5 s).</param>
    /// <param name="modules">Module factory (default: the TorchSharp modules).</param>
    /// <param name="source">Sensor source factory (default: the config's source).</param>
    public FaultRunner(string profilePath, string configPath, TimeSpan? duration = null, IModuleFactory? modules = null, Func<ModelConfig, ObservationLayout, ISensorSource>? source = null)
    {
        _profilePath = profilePath;
        _configPath = configPath;
        _modules = modules ?? new TorchModuleFactory();
        _source = source;
        Profile = RateProfileLoader.Load(profilePath);
        Config = ModelConfigLoader.Load(configPath);
        Duration = duration ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>The profile.</summary>
    public RateProfile Profile { get; }

    /// <summary>The model config.</summary>
    public ModelConfig Config { get; }

    /// <summary>Run length.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Action-clock ticks in one run.</summary>
    public long FastTicks => Duration.Ticks * 100 / Profile.ActionClock.PeriodNs;

    /// <summary>Runs every fault kind once, each with its seeded plan.</summary>
    public IReadOnlyList<FaultRunResult> RunMatrix(int seed, ILogger? log = null) =>
        [.. FaultPlan.Matrix(seed, FastTicks).Select(p => Run(p, log))];

    /// <summary>Runs one plan.</summary>
    /// <param name="plan">The fault.</param>
    /// <param name="log">Where the burst lines go (default: nowhere).</param>
    /// <param name="observers">More observers of the run (e.g. a <c>McapRunRecorder</c>).</param>
    public FaultRunResult Run(FaultPlan plan, ILogger? log = null, IEnumerable<IRunObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var timeline = new FaultTimeline(plan, Profile.ActionClock.PeriodNs);
        var layout = ObservationLayout.From(Config.Inputs);
        using ISensorSource inner = _source?.Invoke(Config, layout) ?? SensorSourceFactory.Create(Config.Source, layout);
        using var source = new FaultySensorSource(new Unowned(inner), timeline, inner.StartNs ?? 0);
        string contextClock = Profile.Handoffs.First(h => h.To == Profile.ActionClock.Name).From;
        var evidence = new FaultEvidence(FastTicks);
        int crashes = 0;
        RunSummary? summary = null;
        long bursts;
        using (var bursty = new FaultBurstLogger(log ?? Serilog.Core.Logger.None))
        {
            var options = new MultiRateOptions
            {
                ProfilePath = _profilePath,
                ConfigPath = _configPath,
                Mode = ExecutionMode.Virtual,
                Duration = Duration,
                CostModel = new FaultCostModel(DeclaredCostModel.Instance, timeline, Profile, contextClock),
            };
            var modules = new FaultyModuleFactory(_modules, timeline, Profile.Clock(contextClock).Module);
            try
            {
                using var session = new RunSession(new RunPlan(Profile, Config), options, modules, new FaultySink(null, timeline), source, [evidence, bursty, .. observers ?? []]);
                summary = session.Run();
            }
#pragma warning disable CA1031 // The harness reports a crash instead of failing: that is what it measures.
            catch (Exception)
#pragma warning restore CA1031
            {
                crashes++;
            }

            bursty.Flush();
            bursts = bursty.BurstsStarted;
        }

        return Summarize(plan, timeline, evidence, summary, crashes, bursts);
    }

    private FaultRunResult Summarize(FaultPlan plan, FaultTimeline timeline, FaultEvidence evidence, RunSummary? summary, int crashes, long bursts)
    {
        long ticks = evidence.ActionsPerTick.Length;
        long end = Math.Min(ticks, plan.StartTick + plan.DurationTicks);
        var during = Enumerable.Range((int)plan.StartTick, (int)Math.Max(0, end - plan.StartTick))
            .Where(i => evidence.ActionsPerTick[i] > 0)
            .GroupBy(i => evidence.KindPerTick[i].ToString().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (long)g.Count());
        LedgerEntry counter = CounterOf(plan.Fault);
        long tail = ticks - (ticks / 10);
        bool recovered = crashes == 0 && Enumerable.Range((int)tail, (int)(ticks - tail))
            .All(i => evidence.ActionsPerTick[i] == 1 && evidence.KindPerTick[i] == ActionKind.Model);
        return new FaultRunResult
        {
            Plan = plan,
            Injected = timeline.Injected,
            FastTicks = ticks,
            // The ramp to the safe action after the last tick sends its actions past the last tick by design
            // (stop fallbacks): they are not actions for ticks that do not exist.
            Actions = evidence.ActionsPerTick.Sum(n => (long)n) + evidence.OutOfRange - (summary?.Ledger?.Total(LedgerEntry.FallbackStop) ?? 0),
            TicksWithoutExactlyOneAction = evidence.ActionsPerTick.Count(n => n != 1),
            KindsDuringFault = during,
            Counter = LedgerNames.Name(counter),
            CounterValue = summary?.Ledger?.Total(counter) ?? 0,
            FaultsReported = evidence.Faults.GetValueOrDefault(counter),
            Recovered = recovered,
            Crashes = crashes,
            BurstsLogged = bursts,
            Summary = summary,
        };
    }

    /// <summary>The ledger entry that counts <paramref name="fault"/>.</summary>
    public static LedgerEntry CounterOf(InjectedFault fault) => fault switch
    {
        InjectedFault.ContextThrows => LedgerEntry.ContextFault,
        InjectedFault.ContextHangs or InjectedFault.ContextSlow10x => LedgerEntry.ContextTimeout,
        InjectedFault.ContextNaN => LedgerEntry.ContextNonFinite,
        InjectedFault.HeadOverrun => LedgerEntry.Miss,
        InjectedFault.HeadThrows => LedgerEntry.HeadFault,
        InjectedFault.HeadNaN or InjectedFault.HeadInf => LedgerEntry.NonFiniteAction,
        InjectedFault.SensorDropout => LedgerEntry.SensorDropout,
        InjectedFault.SensorLate => LedgerEntry.SensorLate,
        InjectedFault.SensorOutOfOrder => LedgerEntry.SensorOutOfOrder,
        InjectedFault.SensorDuplicate => LedgerEntry.SensorDuplicate,
        InjectedFault.SensorClockJump => LedgerEntry.SensorClockJump,
        _ => LedgerEntry.SinkFault,
    };

    /// <summary>Lets the faulty source dispose its inner source without disposing the one this runner owns.</summary>
    private sealed class Unowned(ISensorSource inner) : ISensorSource
    {
        public IReadOnlyList<string> Fields => inner.Fields;

        public long? StartNs => inner.StartNs;

        public long? EndNs => inner.EndNs;

        public bool Read(long timeNs, Span<float> observation) => inner.Read(timeNs, observation);

        public void Dispose()
        {
        }
    }
}
