using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Reflection.Emit;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Executor;

/// <summary>
/// After tick 0 nothing is compiled on the clock thread: the runtime's own JIT events, filtered to that
/// thread, stay empty for a 6 s real-time run. Behaviour, not timing: a method compiled there is an event
/// whatever the machine's speed (the clock loop's on-stack replacement came 3-5 s in; a slow machine that
/// skips periods iterates less, so it can only miss the regression, never report a false one).
/// </summary>
public class ClockThreadJitTests
{
    [Fact]
    public void Run_RealTimeEndingWithTheStopRamp_NothingIsCompiledOnTheClockThreadAfterTickZero()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the clock thread's OS id is read from /proc
        }

        using var jit = new JitEvents();
        var sink = new FirstWriteSink();
        var contexts = new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") };
        // Rate limits and a stop bound too short for them: the ramp after the last tick takes limited
        // steps and ends with the snap to safe, on the clock thread, like a real stop at its bound.
        RateProfile profile = TestProfiles.ThreeLevel();
        profile = profile with { Action = profile.Action with { MaxRatePerSecond = [1, 1], OnStopMaxMs = 5 } };
        using (var executor = new MultiRateExecutor(
            profile,
            new FakeHead(),
            contexts,
            new RampSensor(),
            sink,
            new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0], WarmUpIterations = 5, DeadlineWatchdog = false, RampToSafeAtEnd = true }))
        {
            using var scheduler = new RealTimeScheduler();
            executor.Run(new RealTimeDriver(scheduler), TimeSpan.FromSeconds(6));
        }

        jit.WaitUntilDelivered();
        Assert.True(sink.ClockThreadOsId > 0);
        Assert.True(sink.Safe > 0, "the run ended without a stop ramp");
        string[] late = jit.CompiledOn(sink.ClockThreadOsId, after: sink.FirstWriteReturnedUtc);
        Assert.True(late.Length == 0, "compiled on the clock thread during the run: " + string.Join(", ", late));
    }

    /// <summary>Keeps the clock thread's OS id and when its first action write returned; allocates nothing per tick.</summary>
    private sealed class FirstWriteSink : IActuatorSink
    {
        private int _writes;
        private int _safe;
        private int _clockThreadOsId;
        private DateTime _firstWriteReturnedUtc = DateTime.MaxValue;

        public int ClockThreadOsId => _clockThreadOsId;

        public DateTime FirstWriteReturnedUtc => _firstWriteReturnedUtc;

        public int Safe => _safe;

        public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
            if (kind == ActionKind.Safe)
            {
                _safe++;
            }

            // Fields, not property setters: a setter's first call would itself be compiled on the clock thread.
            if (_writes++ == 0)
            {
                string? link = new FileInfo("/proc/thread-self").LinkTarget; // "<pid>/task/<tid>"
                _clockThreadOsId = int.Parse(Path.GetFileName(link!), System.Globalization.CultureInfo.InvariantCulture);
                _firstWriteReturnedUtc = DateTime.UtcNow;
            }
        }
    }

    /// <summary>The runtime's MethodJittingStarted events (JIT keyword, verbose), with thread and time.</summary>
    private sealed class JitEvents : EventListener
    {
        private const string Marker = "ClockThreadJitTestsMarker";
        private readonly ConcurrentQueue<(long Thread, DateTime At, string Method)> _events = new();
        private readonly ManualResetEventSlim _markerSeen = new();

        public string[] CompiledOn(int osThreadId, DateTime after) =>
            [.. _events.Where(e => e.Thread == osThreadId && e.At > after).Select(e => e.Method)];

        /// <summary>Compiles a marker method here and waits until its event arrives: every earlier event has then been delivered.</summary>
        public void WaitUntilDelivered()
        {
            var method = new DynamicMethod(Marker, typeof(int), Type.EmptyTypes);
            ILGenerator il = method.GetILGenerator();
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Ret);
            _ = ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
            Assert.True(_markerSeen.Wait(TimeSpan.FromSeconds(30)), "the runtime's JIT events never arrived");
        }

        public override void Dispose()
        {
            base.Dispose();
            _markerSeen.Dispose();
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JIT keyword
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not ("MethodJittingStarted" or "MethodJittingStarted_V1") || e.Payload is not { Count: > 5 } p)
            {
                return;
            }

            string name = $"{p[4]}.{p[5]}";
            if (name.Contains(Marker, StringComparison.Ordinal))
            {
                _markerSeen.Set();
                return;
            }

            _events.Enqueue((e.OSThreadId, e.TimeStamp.ToUniversalTime(), name));
        }
    }
}
