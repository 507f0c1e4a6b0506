using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Executor;

// Behaviour, not precision: the head blocks until the fallback for its tick has reached the sink.
// Without a watchdog that emits at the deadline this would wait for the 10 s safety timeout.
public class DeadlineWatchdogTests
{
    [Fact]
    public void Run_RealTimeHeadStuckPastDeadline_FallbackEmittedWhileHeadStillRuns()
    {
        using var released = new ManualResetEventSlim();
        var sink = new BlockingSink(released);
        var head = new StuckHead(released, stuckCall: 4);
        var profile = TestProfiles.ThreeLevel(headOverrun: OverrunPolicy.SafeAction);
        using var executor = new MultiRateExecutor(
            profile,
            head,
            new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") },
            new RampSensor(),
            sink,
            new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0], WarmUpIterations = 0 });
        using var scheduler = new RealTimeScheduler();

        var summary = executor.Run(new RealTimeDriver(scheduler), TimeSpan.FromMilliseconds(30));

        Assert.False(head.TimedOut, "the fallback never came while the head was stuck");
        // Safe actions come only from the watchdog (stale latents run degraded, the head never fails);
        // on a busy machine it may also cover ticks the fast thread reached late. Each is stamped at its deadline.
        var fallbacks = sink.Actions.Where(a => a.Kind == ActionKind.Safe).ToList();
        Assert.NotEmpty(fallbacks);
        Assert.All(fallbacks, f => Assert.Equal((f.Tick * 1_000_000L) + 500_000, f.TimeNs));
        Assert.Equal(sink.Actions.Select(a => a.Tick).Distinct().Count(), sink.Actions.Count); // one action per tick
        // Every safe action is a fallback sent at a deadline (by the watchdog, or by the fast thread after an
        // overrun): the ledger gives each the reason "deadline". Misses are counted apart: a fallback the
        // watchdog sends for a period the fast thread skipped is not a miss (docs/vocabulary.md).
        Assert.Equal(fallbacks.Count, summary.Ledger!.Total(LedgerEntry.FallbackDeadline));
        Assert.Equal(fallbacks.Count, summary.ActionsByKind["safe"]);
    }

    private sealed class StuckHead(ManualResetEventSlim released, int stuckCall) : IActionHead
    {
        private int _calls;

        public bool TimedOut { get; private set; }

        public int ObservationSize => 2;

        public int LatentSize => 2;

        public int ActionSize => 2;

        public void WarmUp(int iterations)
        {
        }

        public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
        {
            if (++_calls == stuckCall)
            {
                TimedOut = !released.Wait(TimeSpan.FromSeconds(10));
            }

            action.Clear();
            return ModuleOutcome.Ok;
        }

        public void Dispose()
        {
        }
    }

    private sealed class BlockingSink(ManualResetEventSlim released) : IActuatorSink
    {
        public List<(long TimeNs, long Tick, ActionKind Kind)> Actions { get; } = [];

        public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
            lock (Actions)
            {
                Actions.Add((timeNs, tick, kind));
            }

            if (kind == ActionKind.Safe)
            {
                released.Set();
            }
        }
    }
}
