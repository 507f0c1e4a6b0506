using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Runtime.Sources;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Bench.Overhead;

/// <summary>
/// The shipped runtime assembled the way <see cref="RunSession"/> assembles it (validated profile and
/// config, TorchSharp modules, the config's sensor source, one executor), but with the executor in
/// reach, so the benchmarks can drive single ticks or choose the clock and observers themselves.
/// </summary>
/// <remarks>
/// Everything goes through the runtime's public API: the executor options come from
/// <see cref="RunSession.ExecutorOptionsFor"/> and single ticks from <see cref="MultiRateExecutor.Tick"/>.
/// </remarks>
public sealed class OverheadRig : IDisposable
{
    private readonly ISensorSource _source;
    private readonly PolicyModules _modules;
    private readonly FastOnlyTicks _ticks;
    private LatentSnapshot[]? _freshPool;
    private int _freshNext;
    private long _nextPublishBase;
    private long _feederDivisor;
    private long _feederOffset;
    private LatentChannel? _headChannel;

    private OverheadRig(string ratesPath, string configPath, ExecutionMode mode, IReadOnlyList<IRunObserver> observers, bool watchdog, int? fifoPriority)
    {
        // RunPlan loads and validates profile and config, the run session owns the options-to-executor
        // mapping; the rig only keeps the executor in reach instead of letting the run session run it.
        var session = new RunSession(RunPlan.Load(ratesPath, configPath), new MultiRateOptions { ProfilePath = ratesPath, ConfigPath = configPath, Mode = mode, FifoPriority = fifoPriority }, new TorchModuleFactory());
        Profile = session.Profile;
        Config = session.Config;
        ObservationLayout layout = session.Layout;
        _source = SensorSourceFactory.Create(Config.Source, layout);
        layout.CheckSource(_source.Fields, Config.Source ?? "sensor source");
        _modules = new TorchModuleFactory().Create(Profile, Config);
        Options = session.ExecutorOptionsFor(_source.StartNs ?? 0, observers) with { DeadlineWatchdog = watchdog };
        Executor = new MultiRateExecutor(Profile, _modules.Head, _modules.Contexts, _source, null, Options);
        _ticks = new FastOnlyTicks(Profile);
    }

    /// <summary>The validated rate profile.</summary>
    public RateProfile Profile { get; }

    /// <summary>The validated model config.</summary>
    public ModelConfig Config { get; }

    /// <summary>The executor's options (as a run of the same profile and config gets them).</summary>
    public ExecutorOptions Options { get; }

    /// <summary>The executor, built and not yet run.</summary>
    public MultiRateExecutor Executor { get; }

    /// <summary>The action head the executor calls (the same instance, same weights).</summary>
    public IActionHead Head => _modules.Head;

    /// <summary>The sensor source's start on the log's clock, ns (0 for synthetic).</summary>
    public long SourceStartNs => _source.StartNs ?? 0;

    /// <summary>Loads the profile and config and builds the graph.</summary>
    /// <param name="ratesPath">The rate profile (a path the caller has resolved).</param>
    /// <param name="configPath">The model config.</param>
    /// <param name="mode">The clock the executor's options are built for.</param>
    /// <param name="observers">Observers of every tick.</param>
    /// <param name="watchdog">Whether a real-time run arms the deadline watchdog.</param>
    /// <param name="fifoPriority">Goes to the deadline watchdog's thread, as <c>run --fifo-priority</c> does.</param>
    public static OverheadRig Load(string ratesPath, string configPath, ExecutionMode mode, IReadOnlyList<IRunObserver>? observers = null, bool watchdog = true, int? fifoPriority = null) =>
        new(ratesPath, configPath, mode, observers ?? [], watchdog, fifoPriority);

    /// <summary>
    /// Publishes one latent on the head's input channel (all ones, produced at time 0), so the fast
    /// tick reads, ages and records a real latent as it does in a live run.
    /// </summary>
    public void SeedHeadLatent()
    {
        HandoffDefinition? toHead = Profile.Handoffs.FirstOrDefault(h => h.To == Profile.ActionClock.Name);
        if (toHead is not null)
        {
            float[] values = new float[Head.LatentSize];
            Array.Fill(values, 1f);
            Executor.Channels[toHead.From].Publish(new LatentSnapshot(1, 0, 0, 0, 1, values));
        }
    }

    /// <summary>
    /// Keeps the head's latent as fresh as in a live run for the next <paramref name="fastTicks"/> calls
    /// of <see cref="TickFast"/>: at every base tick where the clock feeding the head is due, the snapshot
    /// its previous update produced is published (deterministic handoff: inputs at slow tick j - 1 become
    /// visible at slow tick j), so the latent's age cycles through [period, 2 x period) as it does live,
    /// instead of growing until the latent goes stale and the head runs degraded. The snapshots are
    /// built here, up front, so the timed ticks allocate nothing; after the last one the latent ages.
    /// </summary>
    /// <returns>False when no slow clock feeds the head (nothing to keep fresh).</returns>
    public bool KeepLatentFresh(long fastTicks)
    {
        HandoffDefinition? toHead = Profile.Handoffs.FirstOrDefault(h => h.To == Profile.ActionClock.Name);
        ClockDefinition? feeder = toHead is null ? null : Profile.Clocks.FirstOrDefault(c => c.Name == toHead.From);
        if (toHead is null || feeder is null)
        {
            return false;
        }

        _headChannel = Executor.Channels[toHead.From];
        _feederDivisor = Profile.BaseTickHz / feeder.RateHz;
        _feederOffset = feeder.OffsetTicks;
        // TickFast passes over base ticks where a slow clock is due, so the run spans more base ticks than fast ticks.
        long baseSpan = _ticks.BaseSpan(fastTicks);
        long slowTicks = (baseSpan / _feederDivisor) + 2;
        float[] values = new float[Head.LatentSize];
        Array.Fill(values, 1f);
        long version0 = (_headChannel.Latest?.Version ?? 0) + 1;
        long basePeriod = Profile.BaseTickNs;
        _freshPool = new LatentSnapshot[slowTicks];
        for (long j = 0; j < slowTicks; j++)
        {
            // Published at slow tick j + 1 (index j): produced from the inputs of slow tick j.
            long sourceBase = feeder.OffsetTicks + (j * _feederDivisor);
            _freshPool[j] = new LatentSnapshot(version0 + j, j, sourceBase * basePeriod, (sourceBase + _feederDivisor) * basePeriod, Config.Context.Recursion, values);
        }

        _freshNext = 0;
        _nextPublishBase = feeder.OffsetTicks + _feederDivisor;
        return true;
    }

    /// <summary>
    /// Inputs of the head on the first <paramref name="count"/> fast ticks <see cref="TickFast"/> will run
    /// (the same sensor rows at the same times, through the same field selection, and the age the latent
    /// kept by <see cref="KeepLatentFresh"/> will have), so a bare loop can feed the head what the runtime
    /// feeds it: the head's cost depends on its inputs (tanh, exp), and the comparison should not.
    /// </summary>
    public (float[][] Observations, float[] AgeSeconds) HeadInputs(int count)
    {
        using ISensorSource source = CreateSource();
        float[] sensor = new float[source.Fields.Count];
        var observations = new float[count][];
        float[] ages = new float[count];
        long basePeriod = Profile.BaseTickNs;
        int n = 0;
        for (long b = 0; n < count; b++)
        {
            if (!_ticks.IsFastOnly(b))
            {
                continue;
            }

            long t = b * basePeriod;
            source.Read(t + Options.SensorTimeOffsetNs, sensor);
            observations[n] = [.. Options.HeadFields.Select(i => sensor[i])];
            // Before the first publication the seeded latent (time 0) is visible; then the one from the previous slow tick.
            long age = _freshPool is null || b < _feederOffset + _feederDivisor
                ? t
                : t - ((_feederOffset + ((((b - _feederOffset) / _feederDivisor) - 1) * _feederDivisor)) * basePeriod);
            ages[n] = (float)(age / 1e9);
            n++;
        }

        return (observations, ages);
    }

    /// <summary>A second source like the executor's (its own read cursor), for work beside the timed ticks.</summary>
    public ISensorSource CreateSource() => SensorSourceFactory.Create(Config.Source, ObservationLayout.From(Config.Inputs));

    /// <summary>Settles JIT tiers and the modules' first-call allocations (as a real-time run's warm-up does).</summary>
    public void WarmUpModules()
    {
        _modules.Head.WarmUp(200);
        foreach (IContextModule m in _modules.Contexts.Values.Distinct())
        {
            m.WarmUp(2);
        }
    }

    /// <summary>
    /// Runs the next base tick on which only the action clock is due, through the executor's own
    /// tick. Base ticks where a slow clock is due are passed over: there the fast thread would also
    /// hand work to a slow worker thread, which this single-thread driver does not run.
    /// </summary>
    public void TickFast()
    {
        long b = _ticks.Next();
        if (_freshPool is { } pool && b >= _nextPublishBase && _freshNext < pool.Length)
        {
            // What the feeding slow clock does at its boundary: one volatile store of a ready snapshot.
            while (b >= _nextPublishBase + _feederDivisor && _freshNext + 1 < pool.Length)
            {
                _nextPublishBase += _feederDivisor;
                _freshNext++;
            }

            _headChannel!.Publish(pool[_freshNext++]);
            _nextPublishBase += _feederDivisor;
        }

        Executor.Tick(b);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Executor.Dispose();
        _modules.Dispose();
        _source.Dispose();
    }
}
