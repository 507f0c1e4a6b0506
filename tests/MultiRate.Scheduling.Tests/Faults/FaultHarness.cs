using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Faults;

/// <summary>The three-level test profile with a scripted context module and any sensor, in virtual time.</summary>
internal sealed class FaultHarness : IDisposable
{
    public FaultHarness(RateProfile profile, ScriptedContext context, IComputeCostModel? costs = null, ISensorSource? sensor = null, ResilienceOptions? resilience = null)
    {
        Context = context;
        Executor = new MultiRateExecutor(
            profile,
            Head,
            new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = context },
            sensor ?? new RampSensor(),
            Sink,
            new ExecutorOptions
            {
                // These tests read the actions of the ticks themselves (the last one included); the stop ramp has its own tests.
                RampToSafeAtEnd = false,
                HeadFields = [0, 1],
                ContextFields = [0],
                CostModel = costs ?? DeclaredCostModel.Instance,
                Recursion = 3,
                Observers = [Observer],
                Resilience = resilience ?? ResilienceOptions.Default,
            });
    }

    public ScriptedContext Context { get; }

    public FakeHead Head { get; } = new();

    public RecordingSink Sink { get; } = new();

    public FaultObserver Observer { get; } = new();

    public MultiRateExecutor Executor { get; }

    public RunSummary Run(TimeSpan duration) => Executor.Run(new VirtualTimeDriver(), duration);

    public void Dispose() => Executor.Dispose();
}
