using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Sources;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Replay;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Runtime.Running;

/// <summary>
/// One run of the policy: builds the modules and the sensor source for an already-loaded
/// <see cref="RunPlan"/>, and drives the executor on the clock the options choose (real time or virtual).
/// </summary>
/// <remarks>
/// The constructor reads no files: the plan was loaded (and every input validated) before, by whoever
/// composes the run. The sensor log is opened by <see cref="Run"/>, before any deadline is armed.
/// </remarks>
public sealed class RunSession : IDisposable
{
    private readonly MultiRateOptions _options;
    private readonly IModuleFactory _modules;
    private readonly IActuatorSink? _sink;
    private readonly ISensorSource? _customSource;
    private readonly IRunObserver[] _observers;

    /// <summary>Creates a session.</summary>
    /// <param name="plan">The loaded profile, config and layout.</param>
    /// <param name="options">How to run (clock, duration, log to replay, ...).</param>
    /// <param name="modules">Builds the head and context modules.</param>
    /// <param name="sink">Where actions go (none: counted and hashed only).</param>
    /// <param name="customSource">A user sensor source replacing the config's (owned by the caller).</param>
    /// <param name="observers">Recorders, metrics and other observers of every tick.</param>
    public RunSession(RunPlan plan, MultiRateOptions options, IModuleFactory modules, IActuatorSink? sink = null, ISensorSource? customSource = null, IEnumerable<IRunObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modules);
        _observers = observers?.ToArray() ?? [];
        _options = options;
        _modules = modules;
        _sink = sink;
        _customSource = customSource;
        Plan = plan;
    }

    /// <summary>The plan this run executes.</summary>
    public RunPlan Plan { get; }

    /// <summary>The validated profile.</summary>
    public RateProfile Profile => Plan.Profile;

    /// <summary>The validated model config.</summary>
    public ModelConfig Config => Plan.Config;

    /// <summary>The observation layout.</summary>
    public ObservationLayout Layout => Plan.Layout;

    /// <summary>A note on the device choice (e.g. the <c>auto</c> fallback), or null.</summary>
    public string? DeviceNote => Inference.PolicyFactory.DeviceNote(Config);

    /// <summary>The executor of the run in progress (null before <see cref="Run"/> builds it), for live views and hot reload.</summary>
    public MultiRateExecutor? Executor { get; private set; }

    /// <summary>What the replayed log delivered (damage, where reading stopped, log times covered) once <see cref="Run"/> has read it; null for a synthetic or user source.</summary>
    public LogCoverage? Coverage { get; private set; }

    /// <summary>Sensor time of run time 0 (the replayed log's start), known once <see cref="Started"/> is raised; null for a live source.</summary>
    public long? SensorStartNs { get; private set; }

    /// <summary>
    /// Raised at most once per run, on the calling thread before the clock starts, when the OS refused the
    /// action clock thread's CPU pin (the argument says why); the run continues unpinned. A refused
    /// SCHED_FIFO priority is in the summary instead (<see cref="RunSummary.Priority"/>).
    /// </summary>
    public event EventHandler<string>? PlacementRefused;

    /// <summary>Raised on the calling thread once the executor is built, just before the clock starts.</summary>
    public event EventHandler<MultiRateExecutor>? Started;

    /// <summary>Runs and returns the summary.</summary>
    public RunSummary Run(CancellationToken cancellation = default)
    {
        // A source registered by the user belongs to the DI container; only a source built here is disposed here.
        using ISensorSource? owned = _customSource is null ? SensorSourceFactory.Create(_options.LogPath ?? Config.Source, Layout, _options.LogReading with { AllowTruncated = _options.AllowTruncated }, out _) : null;
        Coverage = (owned as ReplaySensorSource)?.Coverage;
        ISensorSource source = _customSource ?? owned!;
        Layout.CheckSource(source.Fields, _options.LogPath ?? Config.Source ?? "sensor source");
        using PolicyModules modules = _modules.Create(Profile, Config);
        long start = source.StartNs ?? 0;
        TimeSpan duration = _options.Duration
            ?? (source.EndNs is long end && _options.Mode == ExecutionMode.Virtual ? TimeSpan.FromTicks(checked(end - start) / 100) : TimeSpan.FromSeconds(5));
        using var executor = new MultiRateExecutor(Profile, modules.Head, modules.Contexts, source, _sink, ExecutorOptionsFor(start, _observers));
        Executor = executor;
        SensorStartNs = source.StartNs;
        Started?.Invoke(this, executor);
        if (_options.Mode == ExecutionMode.Virtual)
        {
            return executor.Run(new VirtualTimeDriver(start), duration, cancellation);
        }

        using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions
        {
            SpinMargin = _options.SpinMargin,
            Cpu = Profile.ActionClock.Cpu,
            ThreadName = "multirate-" + Profile.ActionClock.Name,
            FifoPriority = _options.FifoPriority,
        });
        if (scheduler.PinRefusal is string refused)
        {
            // Reported once, before the clock starts; the run goes on unpinned. A refused priority is no
            // warning: it is asked for by default, and the summary's first line says what the run got.
            PlacementRefused?.Invoke(this, refused);
        }

        var priority = new RealTimePriority(_options.FifoPriority, scheduler.FifoRefusal is null ? _options.FifoPriority : null, scheduler.FifoRefusal);
        return executor.Run(new RealTimeDriver(scheduler), duration, cancellation) with { Priority = priority };
    }

    /// <summary>
    /// How this run's executor is configured: the options' mode, cost model, resilience and FIFO
    /// priority, the layout's fields and the config's recursion. The one place that turns the options
    /// into executor options. Public so that measurement (<c>MultiRate.Bench</c>) builds its executor
    /// exactly as a run does, instead of a second copy of this mapping.
    /// </summary>
    /// <param name="sensorStartNs">Sensor time of run time 0 (the source's start).</param>
    /// <param name="observers">The run's observers.</param>
    /// <returns>The options an executor of this run is built with.</returns>
    public ExecutorOptions ExecutorOptionsFor(long sensorStartNs, IReadOnlyList<IRunObserver> observers) => new()
    {
        HeadFields = Layout.HeadIndices,
        ContextFields = Layout.ContextIndices,
        CostModel = _options.CostModel ?? DeclaredCostModel.Instance,
        SensorTimeOffsetNs = sensorStartNs,
        Recursion = Config.Context.Recursion,
        Observers = observers,
        Resilience = _options.Resilience ?? Scheduling.Resilience.ResilienceOptions.Default,
        WatchdogFifoPriority = _options.FifoPriority,
    };

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
