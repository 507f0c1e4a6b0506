using System.Diagnostics;
using MultiRate.Core.Modules;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// One run: a <see cref="ClockDriver"/> advances time over an <see cref="ExecutorGraph"/> and a
/// <see cref="RunState"/>. The driver creates the slow runners, warms up (real time), books the base
/// ticks and hands each booked index to the graph's tick; the loop only wires them and summarises.
/// </summary>
internal static class RunLoop
{
    public static RunSummary Run(ExecutorGraph graph, RunState state, ClockDriver driver, TimeSpan duration, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var wall = Stopwatch.StartNew();
        long basePeriod = graph.BasePeriodNs;
        long totalTicks = Math.Max(1, (duration.Ticks * 100) / basePeriod);
        state.TotalTicks = totalTicks;
        using var done = new ManualResetEventSlim();
        INanosecondClock clock = driver.Clock;
        long tick0 = 0;
        long NowNs() => clock.NowNs - tick0;

        var runners = new List<ISlowRunner>();
        foreach (SlowStage stage in state.Slow)
        {
            stage.Runner = driver.CreateSlowRunner(stage, state.Options, NowNs);
            runners.Add(stage.Runner);
        }

        state.Fast.UseCostModel(driver.HeadCosts(state.Options));
        driver.BeforeFirstTick(graph, state, runners);

        // Tick 0 is booked after the warm-up, so warm-up time is never counted as skipped periods.
        tick0 = clock.NowNs + driver.StartDelayNs(basePeriod);
        DeadlineWatchdog? watchdog = state.Options.DeadlineWatchdog
            ? driver.StartWatchdog(state.Fast, state.Output, tick0, basePeriod, totalTicks, state.Options)
            : null;
        state.Watchdog = watchdog;

        // The driver hands over the booked base tick; nothing here reads a clock to learn which tick it is.
        Action<long> body = k =>
        {
            if (k >= totalTicks || cancellation.IsCancellationRequested)
            {
                done.Set();
                return;
            }

            graph.Tick(state, k);
        };
        IDisposable periodic = driver.ScheduleBaseTicks(tick0, basePeriod, body);
        try
        {
            driver.Drive(tick0 + ((totalTicks - 1) * basePeriod), done, cancellation);
        }
        finally
        {
            periodic.Dispose();
            state.Watchdog = null;
            watchdog?.Dispose();
            foreach (ISlowRunner runner in runners)
            {
                runner.Dispose();
            }
        }

        long ran = state.LastBaseTick + 1;
        state.StoppedEarly = cancellation.IsCancellationRequested && ran < totalTicks;

        // Stopped early (SIGINT/SIGTERM, Ctrl-C, a host shutting down) or at its end: the clock keeps
        // ticking until the robot is left on the safe action, reached within the rate limits.
        if (state.StoppedEarly || state.Options.RampToSafeAtEnd)
        {
            state.StopRampActions = StopRamp.Run(state, driver, tick0, driver.StopTimeNs(ran, basePeriod, NowNs()));
        }

        state.HeadStats.Flush();
        return SummaryBuilder.Build(graph.Profile, driver.Mode, ran, basePeriod, wall.Elapsed, state.ClockStats.ToList(), state.HeadStats, state.Output.ActionsSha256, state.Ledger)
            with { StoppedEarly = state.StoppedEarly, StopReason = state.StoppedEarly ? StopReasons.Signal : StopReasons.Completed, Devices = Devices(graph) };
    }

    /// <summary>Where each module ran, for the modules that say (<see cref="IModulePlacement"/>).</summary>
    private static Dictionary<string, string> Devices(ExecutorGraph graph)
    {
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        if (graph.Head is IModulePlacement head)
        {
            devices[graph.Profile.ActionClock.Module] = head.Placement;
        }

        foreach ((string module, IContextModule context) in graph.Contexts)
        {
            if (context is IModulePlacement placed)
            {
                devices[module] = placed.Placement;
            }
        }

        return devices;
    }
}
