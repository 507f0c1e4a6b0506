using MultiRate.Configuration.Models;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Runtime.Sources;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Hosting.Tests.FaultInjection;

/// <summary>
/// The shipped TorchSharp head (not a fault wrapper) fed a NaN sensor value: it computes NaN and says so
/// (<see cref="Core.Modules.ModuleOutcome.NonFinite"/>). Each such tick is counted once as a non-finite
/// action, never as a head fault, and a finite hold goes out instead.
/// </summary>
public class RealHeadNonFiniteTests
{
    private const long WindowStartMs = 300;
    private const long WindowTicks = 40; // 1 kHz head: 40 ms of NaN

    [Fact]
    public void Run_SensorNaNReachesTheTorchHead_NonFiniteActionsCountedAndReplacedByHolds()
    {
        ModelConfig config = ModelConfigLoader.Load(FaultRepo.Config);
        var layout = ObservationLayout.From(config.Inputs);
        using ISensorSource inner = SensorSourceFactory.Create(config.Source, layout);
        using var source = new NaNWindow(inner, WindowStartMs * 1_000_000, (WindowStartMs + WindowTicks) * 1_000_000);
        var observer = new Evidence();
        var options = new MultiRateOptions
        {
            ProfilePath = FaultRepo.Profile,
            ConfigPath = FaultRepo.Config,
            Mode = ExecutionMode.Virtual,
            Duration = TimeSpan.FromSeconds(1),
        };

        RunSummary summary;
        using (var session = new RunSession(RunPlan.Load(options), options, new TorchModuleFactory(), null, source, [observer]))
        {
            summary = session.Run();
        }

        long[] window = [.. Enumerable.Range((int)WindowStartMs, (int)WindowTicks).Select(i => (long)i)];
        Assert.Equal(WindowTicks, summary.Guards["non_finite_actions"]);
        Assert.Equal(0, summary.Guards["head_faults"]);
        Assert.Equal(WindowTicks, summary.Ledger!.Of(LedgerEntry.NonFiniteAction, "head"));
        Assert.Equal(window, observer.NonFinite);
        Assert.All(window, t => Assert.Equal(ActionKind.Hold, observer.Kinds[(int)t]));
        Assert.All(observer.Kinds.Take((int)WindowStartMs), k => Assert.NotEqual(ActionKind.Hold, k));
        Assert.True(observer.AllFinite, "a non-finite value left the output stage");
        Assert.Equal(summary.Actions, observer.Kinds.Count);
    }

    /// <summary>Replaces every field with NaN for reads in [from, to) of run time (sensor time minus the source's start).</summary>
    private sealed class NaNWindow(ISensorSource inner, long fromNs, long toNs) : ISensorSource
    {
        public IReadOnlyList<string> Fields => inner.Fields;

        public long? StartNs => inner.StartNs;

        public long? EndNs => inner.EndNs;

        public bool Read(long timeNs, Span<float> observation)
        {
            bool ok = inner.Read(timeNs, observation);
            long run = timeNs - (inner.StartNs ?? 0);
            if (run >= fromNs && run < toNs)
            {
                observation.Fill(float.NaN);
            }

            return ok;
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Action kinds by tick, whether every value sent was finite, and the ticks of non-finite faults (virtual time: one thread).</summary>
    private sealed class Evidence : IRunObserver
    {
        public List<ActionKind> Kinds { get; } = [];

        public List<long> NonFinite { get; } = [];

        public bool AllFinite { get; private set; } = true;

        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
            Kinds.Add(kind);
            foreach (float v in action)
            {
                AllFinite &= float.IsFinite(v);
            }
        }

        public void OnFastTick(in FastTickRecord record)
        {
        }

        public void OnSlowTick(in SlowTickRecord record)
        {
        }

        public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
        {
        }

        public void OnFault(in FaultRecord record)
        {
            if (record.Kind == LedgerEntry.NonFiniteAction)
            {
                NonFinite.Add(record.Tick);
            }
        }
    }
}
