using MultiRate.Hosting.Telemetry;
using MultiRate.Hosting.Tests.Reload.Fakes;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Telemetry;

public class LiveStatsTests
{
    [Fact]
    public void Sample_AfterRecords_PercentilesPerClockAndLatentAge()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var stats = new LiveStats(run.Profile);
        for (int i = 1; i <= 100; i++)
        {
            stats.OnFastTick(new FastTickRecord(i, i * 1_000_000L, i * 1_000L, i * 1_000L, 500_000, FastTickOutcome.Ok, 1, i * 1_000_000L));
        }

        stats.OnSlowTick(new SlowTickRecord("context", 0, 0, 1, 40_000_000, 60_000_000, SlowTickOutcome.Completed, 3));
        stats.OnSlowTick(new SlowTickRecord("context", 1, 0, 1, 0, 60_000_000, SlowTickOutcome.Skipped, 0));

        LiveSample s = stats.Sample();

        ClockSample head = s.Clocks["head"];
        Assert.Equal(100, head.Samples);
        Assert.Equal(50, head.LatencyP50Us, 0.1);
        Assert.Equal(99, head.LatencyP99Us, 0.1);
        Assert.Equal(100, head.LatencyMaxUs, 0.1);
        Assert.Equal(1, s.Clocks["context"].Samples);
        Assert.InRange(s.Clocks["context"].LatencyMaxUs, 39_960, 40_040);
        Assert.Equal(3, s.Clocks["context"].RecursionStepsMax);
        Assert.Equal(0, s.Clocks["planner"].Samples);
        Assert.Equal(100, s.LatentAgeMaxMs, 0.1);
    }

    [Fact]
    public void Sample_Twice_AccumulatesSinceStart()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var stats = new LiveStats(run.Profile);
        var record = new FastTickRecord(0, 0, 10_000, 10_000, 500_000, FastTickOutcome.Ok, 0, -1);
        stats.OnFastTick(in record);
        stats.Sample();
        stats.OnFastTick(record with { LatencyNs = 20_000 });

        LiveSample s = stats.Sample();

        Assert.Equal(2, s.Clocks["head"].Samples);
        Assert.Equal(20, s.Clocks["head"].LatencyMaxUs, 0.1);
        Assert.Equal(0, s.LatentAgeMaxMs);
    }

    [Fact]
    public void Sample_VirtualRun_MatchesTheExecutorsCounts()
    {
        using var run0 = new VirtualRun(VirtualRun.ProfileText(500));
        var stats = new LiveStats(run0.Profile);
        using var run = new VirtualRun(VirtualRun.ProfileText(500), observers: [stats]);
        var summary = run.Run(TimeSpan.FromSeconds(1));

        LiveSample s = stats.Sample();

        Assert.Equal(summary.Clocks.Single(c => c.Name == "head").Ticks, s.Clocks["head"].Samples); // ticks: the ramp to safe after them has no tick record
        Assert.Equal(summary.Clocks.Single(c => c.Name == "context").Ticks, s.Clocks["context"].Samples);
        Assert.Equal(3, s.Clocks["context"].RecursionStepsP50);
        Assert.Equal(summary.LatentAgeMaxMs, s.LatentAgeMaxMs, 0.2);
    }
}
