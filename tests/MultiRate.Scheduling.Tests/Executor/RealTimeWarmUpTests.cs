using System.Collections.Concurrent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Executor;

// Behaviour, not timing: the start-up warm-up runs the head on the thread that will run the ticks,
// and the throwaway graph it warms leaves nothing in the run (no action, no latent, no count).
public class RealTimeWarmUpTests
{
    [Fact]
    public void Run_RealTime_WarmsTheHeadOnTheClockThreadAndLeavesNoTraceInTheRun()
    {
        var head = new ThreadHead();
        var sink = new ThreadSink();
        var contexts = new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") };
        using var executor = new MultiRateExecutor(
            TestProfiles.ThreeLevel(),
            head,
            contexts,
            new RampSensor(),
            sink,
            new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0], WarmUpIterations = 5, DeadlineWatchdog = false });
        using var scheduler = new RealTimeScheduler();

        var summary = executor.Run(new RealTimeDriver(scheduler), TimeSpan.FromMilliseconds(40));

        // The clock thread is the one that wrote the actions; the head was warmed there before tick 0.
        int clockThread = Assert.Single(sink.Threads.Distinct());
        Assert.Contains(clockThread, head.WarmUpThreads);

        // The throwaway graph ran the head (hundreds of calls) but emitted nothing: the sink saw the run's ticks only.
        Assert.True(head.ActCalls > sink.Ticks.Count);
        Assert.All(sink.Ticks, t => Assert.InRange(t, 0, 39)); // the run's 40 ticks; the copy's went to 2,000
        Assert.Equal(sink.Ticks.Count, sink.Ticks.Distinct().Count());
        Assert.Equal(sink.Ticks.Count, summary.Actions);

        // The copy published tens of latents on its own channels; the run's channels hold only the run's.
        Assert.InRange(executor.Channels["context"].Published, 0, summary.Clocks.Single(c => c.Name == "context").Ticks);
    }

    [Fact]
    public void RehearseStop_RateLimitedProfile_RunsTheLimitedRampAndTheSnapToSafeOnItsOwnState()
    {
        // 1 unit/s at 1 kHz: 1e-3 per step, so from the range's far end (10) the ramp within its bound
        // (5 ms: six steps) cannot reach safe and its last step snaps; then the snap once more, alone.
        RateProfile profile = TestProfiles.ThreeLevel();
        profile = profile with { Action = profile.Action with { MaxRatePerSecond = [1, 1], OnStopMaxMs = 5 } };
        var contexts = new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") };
        var graph = new ExecutorGraph(profile, new FakeHead(), contexts, new RampSensor(), new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0] });
        var seen = new CollectingObserver();

        RealTimeWarmUp.RehearseStop(graph, graph.Options, seen);

        var kinds = seen.Actions.Select(a => a.Kind).ToList();
        Assert.Equal([ActionKind.Model, .. Enumerable.Repeat(ActionKind.Safe, 6), ActionKind.Model, ActionKind.Safe], kinds);
        Assert.All(seen.Actions.Skip(1).Take(5), a => Assert.Equal(10 - (0.001f * (a.Tick)), a.Action[0], 1e-4f)); // limited steps
        Assert.Equal([0f, 0f], seen.Actions[6].Action); // the ramp's last step: the snap
        Assert.Equal([10f, 10f], seen.Actions[7].Action);
        Assert.Equal([0f, 0f], seen.Actions[8].Action); // the snap alone, from the far end in one step
    }

    private sealed class ThreadHead : IActionHead
    {
        public ConcurrentBag<int> WarmUpThreads { get; } = [];

        public long ActCalls;

        public int ObservationSize => 2;

        public int LatentSize => 2;

        public int ActionSize => 2;

        public void WarmUp(int iterations) => WarmUpThreads.Add(Environment.CurrentManagedThreadId);

        public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
        {
            Interlocked.Increment(ref ActCalls);
            action.Clear();
            return ModuleOutcome.Ok;
        }

        public void Dispose()
        {
        }
    }

    private sealed class ThreadSink : IActuatorSink
    {
        public List<long> Ticks { get; } = [];

        public List<int> Threads { get; } = [];

        public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
            Ticks.Add(tick);
            Threads.Add(Environment.CurrentManagedThreadId);
        }
    }
}
