using System.Collections.Concurrent;
using MultiRate.Core.Modules;
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
