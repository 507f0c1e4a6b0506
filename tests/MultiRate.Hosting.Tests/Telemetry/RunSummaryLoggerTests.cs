using MultiRate.Hosting.Telemetry;
using MultiRate.Hosting.Tests.Reload.Fakes;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Telemetry;

public class RunSummaryLoggerTests
{
    [Fact]
    public void LogDeltas_CountersAdvance_LogsChangesSinceLastLine()
    {
        var head = new ClockStats("head", 1000, 500_000);
        var context = new ClockStats("context", 10, 60_000_000);
        var log = new CollectingSink();
        using var summary = new RunSummaryLogger([context, head], log.CreateLogger(), TimeSpan.FromSeconds(5));
        head.Ticks = 1000;
        head.Misses = 3;
        head.DeadlineFallbacks = 2;
        context.Ticks = 10;
        context.SkippedPeriods = 1;
        summary.LogDeltas();
        head.Ticks = 1500;
        head.Faults = 4;

        summary.LogDeltas();

        Assert.Equal(4, log.Events.Count);
        var first = log.Events[1];
        Assert.Equal("head", CollectingSink.Prop(first, "Clock"));
        Assert.Equal("1000", CollectingSink.Prop(first, "Ticks"));
        Assert.Equal("5", CollectingSink.Prop(first, "Misses"));
        Assert.Equal("1", CollectingSink.Prop(log.Events[0], "Skipped"));
        var second = log.Events[3];
        Assert.Equal("500", CollectingSink.Prop(second, "Ticks"));
        Assert.Equal("0", CollectingSink.Prop(second, "Misses"));
        Assert.Equal("4", CollectingSink.Prop(second, "Faults"));
        Assert.Equal("0", CollectingSink.Prop(log.Events[2], "Ticks"));
    }

    [Fact]
    public void LogDeltas_AfterVirtualRun_TicksMatchTheSummary()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        using var summaryLog = new RunSummaryLogger(run.Executor, log.CreateLogger(), TimeSpan.Zero);
        summaryLog.Start();
        var summary = run.Run(TimeSpan.FromMilliseconds(300));

        summaryLog.LogDeltas();

        Assert.Equal(3, log.Events.Count);
        Assert.Equal(
            summary.Clocks.Select(c => (c.Name, c.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            log.Events.Select(e => (CollectingSink.Prop(e, "Clock")!, CollectingSink.Prop(e, "Ticks")!)));
        Assert.All(log.Events, e => Assert.Equal("MultiRate.Hosting.Telemetry.RunSummaryLogger", CollectingSink.Prop(e, "SourceContext")));
    }
}
