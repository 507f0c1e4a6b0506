using System.Reactive.Concurrency;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Drivers;

public class ClockDriverTests
{
    [Fact]
    public void RealTimeDriver_SchedulerWithoutCapabilities_RefusedWithTheMissingCapabilityNamed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RealTimeDriver(new HistoricalScheduler()));
        Assert.Contains(nameof(INanosecondClock), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VirtualTimeDriverFromALogStart_SameActionsAsFromZeroAndModeVirtual()
    {
        // Run time starts at tick 0 whatever the virtual clock's start: the log's first timestamp (not a
        // multiple of 100 ns here) changes nothing the graph sees.
        using var fromZero = new Harness(TestProfiles.ThreeLevel());
        using var fromLog = new Harness(TestProfiles.ThreeLevel());

        var a = fromZero.Run(TimeSpan.FromMilliseconds(500));
        var b = fromLog.Run(TimeSpan.FromMilliseconds(500), new VirtualTimeDriver(startNs: 1_700_000_000_123_456_789));

        Assert.Equal(a.ActionsSha256, b.ActionsSha256);
        Assert.Equal(500, b.Actions);
        Assert.Equal("virtual", b.Mode);
        Assert.Equal(fromZero.Sink.Actions.Select(x => (x.TimeNs, x.Tick, x.Kind)), fromLog.Sink.Actions.Select(x => (x.TimeNs, x.Tick, x.Kind)));
    }
}
