using MultiRate.Configuration.Rates;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>An executor over the fakes, built from YAML profile text and run in virtual time.</summary>
internal sealed class VirtualRun : IDisposable
{
    /// <summary>planner 1 Hz -> context 10 Hz -> head 1 kHz, head budget {0} us.</summary>
    public const string ProfileTemplate = """
        name: test
        base_tick_hz: 1000
        modules:
          planner: { kind: context }
          context: { kind: context }
          head:    { kind: action_head }
        clocks:
          planner: { rate_hz: 1,    budget_us: 400000, overrun: skip, module: planner, history: 8, latency_us: 300000 }
          context: { rate_hz: {1},  budget_us: 60000,  overrun: skip, module: context, history: 4, latency_us: 40000 }
          head:    { rate_hz: 1000, budget_us: {0},    overrun: hold, module: head }
        handoffs:
          - { from: planner, to: context, mode: deterministic }
          - { from: context, to: head,    mode: deterministic }
        latent: { age_limit_ms: 250, on_stale: degraded }
        action: { dimension: 2, safe: [0, 0], min: [-10, -10], max: [10, 10] }
        """;

    public VirtualRun(string profileText, IComputeCostModel? costs = null, IReadOnlyList<IRunObserver>? observers = null)
    {
        Profile = RateProfileLoader.Parse(profileText, null);
        Executor = new MultiRateExecutor(
            Profile,
            Head,
            new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") },
            new RampSensor(),
            Sink,
            new ExecutorOptions
            {
                HeadFields = [0, 1],
                ContextFields = [0],
                CostModel = costs ?? DeclaredCostModel.Instance,
                Recursion = 3,
                Observers = observers ?? [],
            });
    }

    public RateProfile Profile { get; }

    public FakeHead Head { get; } = new();

    public RecordingSink Sink { get; } = new();

    public MultiRateExecutor Executor { get; }

    /// <summary>The template with a head budget and a context rate filled in.</summary>
    public static string ProfileText(long headBudgetUs = 500, string contextRateHz = "10") =>
        ProfileTemplate.Replace("{0}", headBudgetUs.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{1}", contextRateHz, StringComparison.Ordinal);

    public RunSummary Run(TimeSpan duration) => Executor.Run(new VirtualTimeDriver(), duration);

    public void Dispose() => Executor.Dispose();
}
