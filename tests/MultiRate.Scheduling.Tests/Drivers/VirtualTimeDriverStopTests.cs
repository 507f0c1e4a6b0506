using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Drivers;

/// <summary>A cancelled virtual replay stops at the next base tick, however many remain, and ramps to the exact safe action.</summary>
public class VirtualTimeDriverStopTests
{
    private const long PeriodNs = 1_000_000; // the ThreeLevel base tick and head clock: 1 kHz
    private const long TenMillion = 10_000_000;

    [Fact]
    public void Drive_CancelledDuringTickN_NoFurtherBaseTickRunsAndTheClockStaysAtTickN()
    {
        // The driver itself reads the token between ticks: this base-tick work never looks at it.
        const long n = 999;
        using var cts = new CancellationTokenSource();
        using var done = new ManualResetEventSlim();
        var driver = new VirtualTimeDriver(startNs: 7);
        long runs = 0;
        long last = -1;
        using (driver.ScheduleBaseTicks(7 + PeriodNs, PeriodNs, k =>
        {
            runs++;
            last = k;
            if (k == n)
            {
                cts.Cancel();
            }
        }))
        {
            driver.Drive(7 + (TenMillion * PeriodNs), done, cts.Token);
        }

        Assert.Equal(n + 1, runs);
        Assert.Equal(n, last);
        Assert.Equal(7 + ((n + 1) * PeriodNs), driver.Clock.NowNs);
    }

    [Fact]
    public void Drive_CancelledBeforeTheFirstTick_RunsNoTick()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var done = new ManualResetEventSlim();
        var driver = new VirtualTimeDriver();
        long runs = 0;
        using (driver.ScheduleBaseTicks(PeriodNs, PeriodNs, _ => runs++))
        {
            driver.Drive(TenMillion * PeriodNs, done, cts.Token);
        }

        Assert.Equal(0, runs);
    }

    [Fact]
    public void Run_CancelledAtTickNOfTenMillion_RampOnlyThenExactlySafeAndStopReasonSignal()
    {
        // Steps of 2^-6 and 2^-8 per 1 ms tick: exact in float, so the ramp's length is exact.
        const long n = 1234;
        RateProfile p = TestProfiles.ThreeLevel();
        p = p with { Action = p.Action with { MaxRatePerSecond = [15.625, 3.90625] } };
        long rampBound = (long)Math.Ceiling(p.Action.WorstCaseStopMs() * 1e6 / PeriodNs) + 1;
        using var cts = new CancellationTokenSource();
        using var h = new Harness(p);
        h.Sink.OnWrite = tick =>
        {
            if (tick == n)
            {
                cts.Cancel();
            }
        };

        RunSummary summary = h.Executor.Run(new VirtualTimeDriver(), TimeSpan.FromTicks(TenMillion * PeriodNs / 100), cts.Token);

        // No base tick after the one that saw the cancel; only the ramp ticks follow it.
        Assert.Equal(TenMillion, h.Executor.BaseTicksTotal);
        Assert.Equal(n + 1, h.Executor.BaseTicksDone);
        Assert.Equal(n + 1, h.Executor.Ledger.Count(LedgerEntry.Tick, "head"));
        var after = h.Sink.Actions.Where(a => a.Tick > n).ToList();
        Assert.NotEmpty(after);
        Assert.True(after.Count <= rampBound + 1, $"{after.Count} ticks after the cancel; the ramp allows {rampBound}");
        Assert.All(after, a => Assert.Equal(ActionKind.Safe, a.Kind));
        Assert.Equal(Enumerable.Range(0, h.Sink.Actions.Count).Select(i => (long)i), h.Sink.Actions.Select(a => a.Tick));
        Assert.Equal(Enumerable.Range((int)n + 1, after.Count).Select(i => i * PeriodNs), after.Select(a => a.TimeNs));

        // Exactly the safe action, bit for bit, and the summary says why the run ended early.
        Assert.Equal([0, 0], h.Sink.Actions[^1].Action.Select(BitConverter.SingleToInt32Bits));
        Assert.True(summary.StoppedEarly);
        Assert.Equal(StopReasons.Signal, summary.StopReason);
        Assert.Equal(after.Count, h.Executor.Ledger.Total(LedgerEntry.FallbackStop));
    }
}
