using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Hosting.Composition;
using MultiRate.Hosting.Sources;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Replay;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Hosting.Running;

/// <summary>
/// One run of the policy: loads and validates the profile and config, builds the modules and the
/// sensor source, and drives the executor on the clock the options choose (real time or virtual).
/// </summary>
/// <remarks>Every input is validated before any deadline is armed; bad input fails here with every error listed.</remarks>
public sealed class RunSession : IDisposable
{
    private readonly MultiRateOptions _options;
    private readonly IModuleFactory _modules;
    private readonly IActuatorSink? _sink;
    private readonly ISensorSource? _customSource;
    private readonly IRunObserver[] _observers;

    /// <summary>Creates a session.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="modules">Builds the head and context modules.</param>
    /// <param name="sink">Where actions go (none: counted and hashed only).</param>
    /// <param name="customSource">A user sensor source replacing the config's (owned by the caller).</param>
    /// <param name="observers">Recorders, metrics and other observers of every tick.</param>
    public RunSession(MultiRateOptions options, IModuleFactory modules, IActuatorSink? sink = null, ISensorSource? customSource = null, IEnumerable<IRunObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _observers = observers?.ToArray() ?? [];
        _options = options;
        _modules = modules;
        _sink = sink;
        _customSource = customSource;
        Profile = RateProfileLoader.Load(options.ProfilePath);
        Config = ModelConfigLoader.Load(options.ConfigPath);
        Layout = ObservationLayout.From(Config.Inputs);
    }

    /// <summary>The validated profile.</summary>
    public RateProfile Profile { get; }

    /// <summary>The validated model config.</summary>
    public ModelConfig Config { get; }

    /// <summary>The observation layout.</summary>
    public ObservationLayout Layout { get; }

    /// <summary>A note on the device choice (e.g. the <c>auto</c> fallback), or null.</summary>
    public string? DeviceNote => Inference.PolicyFactory.SelectDevice(Config).Note;

    /// <summary>The executor of the run in progress (null before <see cref="Run"/> builds it), for live views and hot reload.</summary>
    public MultiRateExecutor? Executor { get; private set; }

    /// <summary>What the replayed log delivered (damage, where reading stopped, log times covered) once <see cref="Run"/> has read it; null for a synthetic or user source.</summary>
    public LogCoverage? Coverage { get; private set; }

    /// <summary>Sensor time of run time 0 (the replayed log's start), known once <see cref="Started"/> is raised; null for a live source.</summary>
    public long? SensorStartNs { get; private set; }

    /// <summary>
    /// Raised at most once per run, on the calling thread before the clock starts, when the OS refused the
    /// action clock thread's CPU pin or SCHED_FIFO priority (the argument says why); the run continues
    /// without it.
    /// </summary>
    public event EventHandler<string>? PlacementRefused;

    /// <summary>Raised on the calling thread once the executor is built, just before the clock starts.</summary>
    public event EventHandler<MultiRateExecutor>? Started;

    /// <summary>Runs and returns the summary.</summary>
    public RunSummary Run(CancellationToken cancellation = default)
    {
        // A source registered by the user belongs to the DI container; only a source built here is disposed here.
        using ISensorSource? owned = _customSource is null ? SensorSourceFactory.Create(_options.LogPath ?? Config.Source, Layout, _options.AllowTruncated) : null;
        Coverage = (owned as ReplaySensorSource)?.Coverage;
        ISensorSource source = _customSource ?? owned!;
        Layout.CheckSource(source.Fields, _options.LogPath ?? Config.Source ?? "sensor source");
        using PolicyModules modules = _modules.Create(Profile, Config);
        long start = source.StartNs ?? 0;
        TimeSpan duration = _options.Duration
            ?? (source.EndNs is long end && _options.Mode == ExecutionMode.Virtual ? TimeSpan.FromTicks((end - start) / 100) : TimeSpan.FromSeconds(5));
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
        if (scheduler.PlacementNote is string refused)
        {
            // Reported once, before the clock starts; the run goes on unpinned / at normal priority.
            PlacementRefused?.Invoke(this, refused);
        }

        return executor.Run(new RealTimeDriver(scheduler), duration, cancellation);
    }

    /// <summary>
    /// How this session's executor is configured: the options' mode, cost model, resilience and FIFO
    /// priority, the layout's fields and the config's recursion. The one place that turns the options
    /// into executor options (benchmarks build their executor from it too).
    /// </summary>
    /// <param name="sensorStartNs">Sensor time of run time 0 (the source's start).</param>
    /// <param name="observers">The run's observers.</param>
    internal ExecutorOptions ExecutorOptionsFor(long sensorStartNs, IReadOnlyList<IRunObserver> observers) => new()
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
