using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Drivers;

/// <summary>
/// The real-time driver's wait for the stop ramp, on a controlled clock: the driver reads its time only
/// from the scheduler's <see cref="INanosecondClock"/>, so a clock that advances one base period per
/// reading decides the bound exactly, whatever the machine does meanwhile.
/// </summary>
public class RealTimeDriverStopTests
{
    private const long BaseNs = 1_000_000; // ThreeLevel: 1 kHz base and head

    [Fact]
    public void StopRamp_ClockThreadStopsTicking_GivesUpAfterTheRampAndItsMarginWithAStopTimeoutThenSendsSafe()
    {
        using Ramp ramp = Ramp.OffSafe(clockTicks: false);

        long sent = ramp.Stop();

        Assert.Equal(1, ramp.State.Ledger.Count(LedgerEntry.StopTimeout, "head"));
        FaultRecord fault = Assert.Single(ramp.Faults);
        Assert.Equal((LedgerEntry.StopTimeout, "head", 0L), (fault.Kind, fault.Source, fault.Tick));

        // It gave up at the first reading past the last step (5 ms: one step without limits) plus the margin, not before.
        long bound = 5 * BaseNs + StopRamp.Margin(BaseNs);
        Assert.InRange(fault.TimeNs, bound, bound + BaseNs);

        // Then the stopping thread sent the safe action itself, unlimited, at the next tick index.
        Assert.Equal(1, sent);
        Assert.True(ramp.State.Output.AtSafe);
        Assert.Equal(2, ramp.Sink.Actions.Count);
        Assert.Equal(ActionKind.Safe, ramp.Sink.Actions[^1].Kind);
        Assert.Equal(1, ramp.State.Output.LastClaimed);

        // A step the stuck clock thread runs afterwards sends nothing: the run has moved on.
        ramp.Scheduler.Booked!(0);
        Assert.Equal(2, ramp.Sink.Actions.Count);
        Assert.Equal(1, ramp.State.Output.LastClaimed);
    }

    [Fact]
    public void StopRamp_ClockThreadStuckInsideAnEmission_GivesUpWithoutWritingBesideIt()
    {
        using Ramp ramp = Ramp.OffSafe(clockTicks: false);

        // Tick 1 is claimed by the stuck thread, whose emission (a sink write, say) never finishes.
        Assert.True(ramp.State.Output.TryClaim(1, out _));

        long sent = ramp.Stop();

        Assert.Equal(0, sent);
        Assert.Equal(1, ramp.State.Ledger.Count(LedgerEntry.StopTimeout, "head"));
        Assert.Single(ramp.Sink.Actions);
        Assert.False(ramp.State.Output.AtSafe);
        Assert.Equal(1, ramp.State.Output.LastClaimed);
    }

    [Fact]
    public void StopRamp_ClockTicks_EndsOnSafeWithNoStopTimeout()
    {
        using Ramp ramp = Ramp.OffSafe(clockTicks: true);

        long sent = ramp.Stop();

        Assert.Equal(1, sent);
        Assert.True(ramp.State.Output.AtSafe);
        Assert.Equal(ActionKind.Safe, ramp.Sink.Actions[^1].Kind);
        Assert.Equal(0, ramp.State.Ledger.Total(LedgerEntry.StopTimeout));
        Assert.Empty(ramp.Faults);
    }

    [Fact]
    public void Margin_FastBaseTick_AFewBasePeriodsButNeverBelowTheFloor()
    {
        Assert.Equal(StopRamp.MinMarginNs, StopRamp.Margin(BaseNs));
        Assert.Equal(StopRamp.MarginBasePeriods * 100_000_000L, StopRamp.Margin(100_000_000));
    }

    /// <summary>
    /// A graph's run state whose last action is off the safe action (one model action at tick 0), the
    /// faults it reports and the controlled scheduler its stop ramp runs on.
    /// </summary>
    private sealed record Ramp(RunState State, RecordingSink Sink, List<FaultRecord> Faults, ControlledScheduler Scheduler) : IDisposable
    {
        /// <param name="clockTicks">Whether the clock thread runs the ramp's ticks (healthy) or never does (stuck in a call).</param>
        public static Ramp OffSafe(bool clockTicks)
        {
            var observer = new FaultObserver();
            RateProfile profile = TestProfiles.ThreeLevel();
            var options = new ExecutorOptions { HeadFields = [0, 1], ContextFields = [0], Observers = [observer] };
            var contexts = new Dictionary<string, IContextModule> { ["planner"] = new FakeContext("planner"), ["context"] = new FakeContext("context") };
            var graph = new ExecutorGraph(profile, new FakeHead(), contexts, new RampSensor(), options);
            var sink = new RecordingSink();
            RunState state = graph.NewState(sink);
            Assert.True(state.Output.TryClaim(0, out long previous));
            state.Output.EmitModel(0, 0, previous, ActionKind.Model, [1f, 1f]);
            return new Ramp(state, sink, observer.Faults, new ControlledScheduler(clockTicks));
        }

        /// <summary>Runs the stop ramp from tick 0 to 5 ms on the real-time driver; returns the actions it sent.</summary>
        public long Stop() => StopRamp.Run(State, new RealTimeDriver(Scheduler), 0, 5 * BaseNs, BaseNs);

        public void Dispose() => State.Dispose();
    }

    private sealed class FaultObserver : IRunObserver
    {
        public List<FaultRecord> Faults { get; } = [];

        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
        }

        public void OnFastTick(in FastTickRecord record)
        {
        }

        public void OnSlowTick(in SlowTickRecord record)
        {
        }

        public void OnLatentPublished(string clock, Core.Latent.LatentSnapshot snapshot, long publishedNs)
        {
        }

        public void OnFault(in FaultRecord record) => Faults.Add(record);
    }

    /// <summary>
    /// A scheduler whose clock advances one base period per reading, and whose tick lines either run
    /// their first ticks at once (a healthy clock thread) or never (a clock thread stuck in a call).
    /// </summary>
    private sealed class ControlledScheduler(bool runTicks) : IScheduler, IServiceProvider, INanosecondClock, ITickScheduler
    {
        private long _now;

        public Action<long>? Booked { get; private set; }

        public long NowNs => Interlocked.Add(ref _now, BaseNs) - BaseNs;

        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

        public object? GetService(Type serviceType) => serviceType == typeof(INanosecondClock) || serviceType == typeof(ITickScheduler) ? this : null;

        public IDisposable ScheduleTicks(long firstDueNs, long periodNs, Action<long> tick)
        {
            Booked = tick;
            if (runTicks)
            {
                for (long k = 0; k < 1000; k++)
                {
                    tick(k);
                }
            }

            return Disposable.Empty;
        }

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();
    }
}
