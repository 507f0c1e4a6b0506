using System.Diagnostics;
using MultiRate.Core.Modules;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
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

        // Tick 0 is booked after the warm-up, so warm-up time is never counted as skipped periods, and
        // before the watchdog's thread is started: starting a thread (and raising it to SCHED_FIFO) can take
        // longer than the start margin, and booked after it, tick 0 was already past when its wake-up was
        // booked, so the first periods went by without an action. The watchdog only needs tick 0's time.
        tick0 = clock.NowNs + driver.StartDelayNs(basePeriod);
        IDisposable periodic = driver.ScheduleBaseTicks(tick0, basePeriod, body);
        DeadlineWatchdog? watchdog = state.Options.DeadlineWatchdog
            ? driver.StartWatchdog(state.Fast, state.Output, tick0, basePeriod, totalTicks, state.Options)
            : null;
        state.Watchdog = watchdog;
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

        long lastClaimed = state.Output.LastClaimed;

        // A run that reached its end elapsed all its base ticks, even when a late last wake-up skipped past
        // the final ones: those periods are skipped periods, counted like any other.
        long reached = state.StoppedEarly ? ran : totalTicks;
        if (reached > ran)
        {
            foreach (SlowStage stage in state.Slow)
            {
                stage.ReportSkippedPeriods(stage.TicksBetween(ran - 1, reached));
            }

            state.Fast.ReportSkippedPeriods(state.Fast.TicksBetween(ran - 1, reached));
        }

        // Stopped early (SIGINT/SIGTERM, Ctrl-C, a host shutting down) or at its end: the clock keeps
        // ticking until the robot is left on the safe action, reached within the rate limits.
        if (state.StoppedEarly || state.Options.RampToSafeAtEnd)
        {
            state.StopRampActions = StopRamp.Run(state, driver, tick0, driver.StopTimeNs(ran, basePeriod, NowNs()), basePeriod);
        }

        // Every period of every clock accounted for: a clock whose periods do not add up is reported as a fault.
        long[] scheduled = [.. state.Slow.Select(s => s.TicksBetween(-1, reached)), state.Fast.TicksBetween(-1, reached)];
        PeriodAccounting.Close(state.Ledger, scheduled, lastClaimed, state.StopRampActions, state.StoppedEarly, NowNs());

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
