using MultiRate.Hosting.Faults;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using Serilog;
using Serilog.Events;

namespace MultiRate.Hosting.Tests.FaultInjection;

public class FaultBurstLoggerTests
{
    private const long Ms = 1_000_000;
    private readonly CollectingSink _sink = new();

    private FaultBurstLogger Create() =>
        new(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger(), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));

    private static void Tick(FaultBurstLogger logger, long ms) => logger.OnFastTick(new FastTickRecord(ms, ms * Ms, 0, 0, 0, FastTickOutcome.Ok, 0, 0));

    [Fact]
    public void Flush_ThousandFaultsInOneBurst_OneWarningThenOneClearedLineWithCount()
    {
        using FaultBurstLogger logger = Create();
        for (long ms = 0; ms < 1000; ms++)
        {
            logger.OnFault(new FaultRecord(LedgerEntry.HeadFault, "head", ms * Ms, ms));
            Tick(logger, ms);
        }

        logger.Flush();
        Assert.Single(_sink.Events);
        Assert.Equal(LogEventLevel.Warning, _sink.Events[0].Level);

        Tick(logger, 2500);
        logger.Flush();

        LogEvent cleared = _sink.Events[1];
        Assert.Equal(LogEventLevel.Information, cleared.Level);
        Assert.Equal("1000", cleared.Properties["Count"].ToString());
        Assert.Equal(1, logger.BurstsStarted);
        Assert.Equal(1, logger.BurstsCleared);
    }

    [Fact]
    public void Flush_TwoBurstsApartByMoreThanQuiet_TwoWarnings()
    {
        using FaultBurstLogger logger = Create();
        logger.OnFault(new FaultRecord(LedgerEntry.SensorDuplicate, "/imu", 0, 0));
        logger.OnFault(new FaultRecord(LedgerEntry.SensorDuplicate, "/imu", 500 * Ms, 500));
        logger.OnFault(new FaultRecord(LedgerEntry.SensorDuplicate, "/imu", 2000 * Ms, 2000));
        Tick(logger, 2000);
        logger.Flush();

        Assert.Equal(2, _sink.Events.Count(e => e.Level == LogEventLevel.Warning));
        Assert.Equal("2", _sink.Events.Single(e => e.Level == LogEventLevel.Information).Properties["Count"].ToString());
    }

    [Fact]
    public void Flush_DifferentKinds_SeparateBursts()
    {
        using FaultBurstLogger logger = Create();
        logger.OnFault(new FaultRecord(LedgerEntry.ContextTimeout, "context", 0, 0));
        logger.OnFault(new FaultRecord(LedgerEntry.CircuitRejected, "context", 100 * Ms, 1));
        logger.Flush();

        Assert.Equal(2, logger.BurstsStarted);
    }

    [Fact]
    public void Dispose_BurstStillActive_ReportedAtEndOfRun()
    {
        FaultBurstLogger logger = Create();
        logger.OnFault(new FaultRecord(LedgerEntry.SinkFault, "sink", 0, 0));
        logger.Dispose();

        Assert.Equal(2, _sink.Events.Count);
        Assert.StartsWith("Fault burst still active", _sink.Events[1].MessageTemplate.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnFault_DoesNotLogOnTheCallingThread()
    {
        using FaultBurstLogger logger = Create();
        logger.OnFault(new FaultRecord(LedgerEntry.HeadFault, "head", 0, 0));

        // Nothing is written until the drain runs (its poll interval here is an hour).
        Assert.Empty(_sink.Events);
    }
}
