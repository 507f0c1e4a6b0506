using System.Diagnostics;
using System.Reactive.Concurrency;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Executor;

/// <summary>The real-time start-up warm-up: everything the first ticks would otherwise pay for on the clock thread.</summary>
internal static class RealTimeWarmUp
{
    /// <summary>One day, ns.</summary>
    private const long DayNs = 86_400_000_000_000;

    /// <summary>Upper bound of the virtual-time graph warm-up, base ticks.</summary>
    private const long WarmUpGraphMaxTicks = 5_000;

    /// <summary>
    /// Settles JIT tiers and first-call costs before any deadline is armed: the modules, then the graph's
    /// own code (the tick, the stages, the output stage, the latent handoff) on a fresh run state of the
    /// same graph in virtual time, then each slow runner's thread, pipeline and compute thread. Without it the
    /// first tick and the first trigger of each slow clock compiled that code on the fast thread's time
    /// (3-4 ms and 1-2.5 ms here), and the start of every real-time run lost several periods.
    /// </summary>
    /// <remarks>
    /// Called by the <see cref="RealTimeDriver"/> before tick 0 is booked (<see cref="RunState.WarmingUp"/> is true meanwhile).
    /// <see cref="ExecutorOptions.WarmUpIterations"/> = 0 leaves out all but the modules' own warm-up.
    /// </remarks>
    public static void Run(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners, IScheduler scheduler)
    {
        state.WarmingUp = true;
        try
        {
            WarmUp(graph, state, runners, scheduler);
        }
        finally
        {
            state.WarmingUp = false;
        }
    }

    private static void WarmUp(ExecutorGraph graph, RunState state, IReadOnlyList<ISlowRunner> runners, IScheduler scheduler)
    {
        int iterations = state.Options.WarmUpIterations;
        graph.Head.WarmUp(iterations);
        foreach (IContextModule module in graph.Contexts.Values.Distinct())
        {
            module.WarmUp(2);
        }

        if (iterations == 0)
        {
            return;
        }

        state.Ledger.PrepareObservers();

        // Rounds until the JIT has been idle for JitQuietPeriod: tiered compilation promotes methods that
        // reach 30 calls (after 100 ms without new JIT work); left to the run, the promotions of per-tick
        // code paused the clock thread at ~0.3 s. (The miss at 3-5 s was the clock loop's own on-stack
        // replacement, which RealTimeScheduler.Run avoids by being compiled fully optimised.)
        var clock = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        TimeSpan quietSince = TimeSpan.Zero;
        do
        {
            for (int i = 0; i < state.Slow.Length; i++)
            {
                runners[i].WarmUp(state.Slow[i]);
            }

            WarmUpOnClockThread(graph, state, scheduler);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
        }
        while (clock.Elapsed - quietSince < JitQuietPeriod && clock.Elapsed < WarmUpLimit);

        SettleHeap();
    }

    /// <summary>The start-up warm-up ends once the JIT has been idle this long.</summary>
    private static readonly TimeSpan JitQuietPeriod = TimeSpan.FromMilliseconds(400);

    /// <summary>The start-up warm-up's upper bound.</summary>
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the head's warm-up and the graph warm-up on the thread that will run the ticks (the clock's
    /// own thread for the <see cref="RealTime.RealTimeScheduler"/>): libtorch and the BLAS library set up
    /// per-thread state on a thread's first call, which otherwise landed in tick 0 (0.7-2.6 ms here).
    /// </summary>
    private static void WarmUpOnClockThread(ExecutorGraph graph, RunState state, IScheduler scheduler)
    {
        using var warmed = new ManualResetEventSlim();
        using IDisposable work = scheduler.Schedule(0, (_, _) =>
        {
            try
            {
                graph.Head.WarmUp(state.Options.WarmUpIterations);
                WarmUpGraph(graph, state.Options);
                RehearseStop(graph, state.Options, new IgnoringObserver());
                scheduler.GetCapability<IClockThreadWarmUp>()?.PreparePeriodicPath();
                _ = state.Fast.TicksBetween(0, 2) + state.Slow.Sum(s => s.TicksBetween(0, 2)); // the skipped-period count after a late tick
                state.Fast.ReportSkippedPeriods(0); // and its report to the real run's ledger (0 counts nothing)
                Array.ForEach(state.Slow, s => s.ReportSkippedPeriods(0));
            }
            finally
            {
                warmed.Set();
            }

            return System.Reactive.Disposables.Disposable.Empty;
        });
        warmed.Wait();
    }

    /// <summary>
    /// A full, compacting collection before tick 0: the warm-up's garbage (its run states and their
    /// statistics) would otherwise fill the first gen-0 budget and the collection would pause the
    /// clock thread in the first second (about 1 ms at the first context tick here).
    /// </summary>
    private static void SettleHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Runs the same graph (profile, modules, sensor source) on a fresh run state in virtual time, with
    /// no sink and an observer that ignores everything, for two periods of the slowest clock (at most <see cref="WarmUpGraphMaxTicks"/>
    /// base ticks): its channels, statistics and actions are its own and are dropped, so the run's
    /// figures start clean. The source is read from tick 0 again afterwards (replay sources seek back).
    /// </summary>
    private static void WarmUpGraph(ExecutorGraph graph, ExecutorOptions runOptions)
    {
        RateProfile profile = graph.Profile;
        long slowest = profile.Clocks.Max(c => profile.BaseTickHz / c.RateHz);
        long ticks = Math.Min(WarmUpGraphMaxTicks, 2 * slowest);
        // One observer that ignores everything, so the event paths (record building, fan-out) are compiled too;
        // some head ticks "overrun" in the cost model, so the miss path (fallback, fault event) is compiled too:
        // a first real overrun otherwise also paid the JIT on the clock thread and lost the next period.
        ExecutorOptions options = runOptions with
        {
            Observers = [new IgnoringObserver()],
            DeadlineWatchdog = false,
            CostModel = new OverrunSomeHeadTicks(runOptions.CostModel, profile.ActionClock.Name, profile.ActionClock.BudgetNs),
        };
        using RunState fresh = graph.NewState(sink: null, options);
        RunLoop.Run(graph, fresh, new VirtualTimeDriver(), TimeSpan.FromTicks(ticks * graph.BasePeriodNs / 100), CancellationToken.None);
    }

    /// <summary>
    /// The stop, rehearsed on a fresh run state with no sink: from an action off the safe one, the stop
    /// ramp (its tick line, its steps within the rate limits) and then the snap to safe that ends a ramp
    /// at its bound. The graph warm-up's own end rarely needs either (its last action is often safe
    /// already, and a ramp within its limits reaches safe before the snap), so without this the first
    /// real stop compiled them on the clock thread, on the stop's time.
    /// </summary>
    /// <param name="graph">The run's graph.</param>
    /// <param name="runOptions">The run's options (the rehearsal's state gets <paramref name="observer"/> instead of the run's observers).</param>
    /// <param name="observer">Sees the rehearsal's events (the warm-up's ignores them).</param>
    internal static void RehearseStop(ExecutorGraph graph, ExecutorOptions runOptions, IRunObserver observer)
    {
        ExecutorOptions options = runOptions with { Observers = [observer], DeadlineWatchdog = false };
        using RunState fresh = graph.NewState(sink: null, options);
        long period = graph.Profile.ActionClock.PeriodNs;
        float[] offSafe = OffSafe(graph.Profile.Action);
        LeaveSafe(fresh, 0, offSafe);
        StopRamp.Run(fresh, new VirtualTimeDriver(), 0, period, graph.BasePeriodNs);

        // A day later, so the rate limits let the action get back off safe in one step; then the snap.
        long later = ((fresh.Output.LastClaimed + 1) * period) + DayNs;
        LeaveSafe(fresh, later, offSafe);
        fresh.Output.EmitStopStep(later + period, snap: true);
    }

    /// <summary>Sends one model action (clamped to the limits like any) at tick index one past the last claimed.</summary>
    private static void LeaveSafe(RunState state, long timeNs, float[] action)
    {
        long tick = state.Output.LastClaimed + 1;
        if (state.Output.TryClaim(tick, out long previous))
        {
            state.Output.EmitModel(timeNs, tick, previous, ActionKind.Model, action);
        }
    }

    /// <summary>An action away from the safe one in every dimension the range allows: the bound farther from safe.</summary>
    private static float[] OffSafe(ActionSpec action)
    {
        var values = new float[action.Dimension];
        for (int i = 0; i < values.Length; i++)
        {
            double safe = action.Safe[i];
            values[i] = (float)(action.Max[i] - safe >= safe - action.Min[i] ? action.Max[i] : action.Min[i]);
        }

        return values;
    }

    /// <summary>The graph warm-up's cost model: one head tick in eight takes one nanosecond over its budget.</summary>
    private sealed class OverrunSomeHeadTicks(IComputeCostModel inner, string head, long budgetNs) : IComputeCostModel
    {
        public long CostNs(string clock, long tick, long declaredNs) =>
            clock == head && tick % 8 == 7 ? budgetNs + 1 : inner.CostNs(clock, tick, declaredNs);
    }

    /// <summary>The graph warm-up's observer: takes every event, keeps nothing.</summary>
    private sealed class IgnoringObserver : IRunObserver
    {
        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
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
    }
}
