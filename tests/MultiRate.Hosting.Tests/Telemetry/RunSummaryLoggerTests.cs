using MultiRate.Hosting.Telemetry;
using MultiRate.Hosting.Tests.Reload.Fakes;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Telemetry;

public class RunSummaryLoggerTests
{
    [Fact]
    public void LogDeltas_CountersAdvance_LogsChangesSinceLastLine()
    {
        var ledger = new RunLedger(["context", "head"], "head");
        const int Context = 0, Head = 1;
        var log = new CollectingSink();
        using var summary = new RunSummaryLogger(ledger, log.CreateLogger(), TimeSpan.FromSeconds(5));
        ledger.Add(LedgerEntry.Tick, Head, 1000);
        ledger.Add(LedgerEntry.Miss, Head, 5);
        ledger.Add(LedgerEntry.FallbackDeadline, Head, 7); // fallbacks are not misses: the watchdog also covers skipped periods
        ledger.Add(LedgerEntry.SkippedTrigger, Context, 2);
        ledger.Add(LedgerEntry.Tick, Context, 10);
        ledger.Add(LedgerEntry.SkippedPeriod, Context, 1);
        summary.LogDeltas();
        ledger.Add(LedgerEntry.Tick, Head, 500);
        ledger.Add(LedgerEntry.HeadFault, Head, 3);
        ledger.Add(LedgerEntry.NonFiniteAction, Head, 1);
        ledger.Add(LedgerEntry.CircuitRejected, Context, 4); // the module was not called: not a module fault

        summary.LogDeltas();

        Assert.Equal(4, log.Events.Count);
        var first = log.Events[1];
        Assert.Equal("head", CollectingSink.Prop(first, "Clock"));
        Assert.Equal("1000", CollectingSink.Prop(first, "Ticks"));
        Assert.Equal("5", CollectingSink.Prop(first, "Misses"));
        Assert.Equal("1", CollectingSink.Prop(log.Events[0], "Skipped"));
        Assert.Equal("2", CollectingSink.Prop(log.Events[0], "Misses"));
        var second = log.Events[3];
        Assert.Equal("500", CollectingSink.Prop(second, "Ticks"));
        Assert.Equal("0", CollectingSink.Prop(second, "Misses"));
        Assert.Equal("4", CollectingSink.Prop(second, "Faults"));
        Assert.Equal("0", CollectingSink.Prop(log.Events[2], "Ticks"));
        Assert.Equal("0", CollectingSink.Prop(log.Events[2], "Faults"));
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
