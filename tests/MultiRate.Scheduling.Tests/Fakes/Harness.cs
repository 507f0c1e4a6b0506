using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Builds an executor over the fakes and runs it in virtual time.</summary>
internal sealed class Harness : IDisposable
{
    // rampAtEnd: whether a completed run ramps to the safe action after its last tick. Off by default:
    // most tests here count the actions of the ticks themselves; StopRampTests turn it on to test the ramp.
    public Harness(RateProfile profile, IComputeCostModel? costs = null, TraceLog? trace = null, IReadOnlyList<IRunObserver>? observers = null, bool rampAtEnd = false)
    {
        Trace = trace;
        Planner = new FakeContext("planner", trace);
        Context = new FakeContext("context", trace);
        Sink = new RecordingSink(trace);
        Executor = new MultiRateExecutor(
            profile,
            Head,
            new Dictionary<string, IContextModule> { ["planner"] = Planner, ["context"] = Context },
            new RampSensor(trace),
            Sink,
            new ExecutorOptions
            {
                HeadFields = [0, 1],
                ContextFields = [0],
                CostModel = costs ?? DeclaredCostModel.Instance,
                Recursion = 3,
                Observers = observers ?? [],
                RampToSafeAtEnd = rampAtEnd,
            });
    }

    public TraceLog? Trace { get; }

    public FakeHead Head { get; } = new();

    public FakeContext Planner { get; }

    public FakeContext Context { get; }

    public RecordingSink Sink { get; }

    public MultiRateExecutor Executor { get; }

    public RunSummary Run(TimeSpan duration, ClockDriver? driver = null) => Executor.Run(driver ?? new VirtualTimeDriver(), duration);

    public void Dispose() => Executor.Dispose();
}
