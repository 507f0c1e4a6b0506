using CsCheck;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Ledger;

public class PeriodAccountingPropertyTests
{
    /// <summary>One generated run: its length, faults, compute costs, late wake-ups, stop and policies.</summary>
    private sealed record RunCase(int Seed, int DurationMs, int FaultPercent, bool SlowHead, int LatePercent, int CancelAtTick, bool SafeOnStale, bool RampAtEnd);

    private static readonly Gen<RunCase> Cases =
        from seed in Gen.Int
        from duration in Gen.Int[20, 300]
        from faults in Gen.Int[0, 30]
        from slowHead in Gen.Bool
        from late in Gen.Int[0, 20]
        from cancelAt in Gen.Int[-1, 300]
        from safeOnStale in Gen.Bool
        from ramp in Gen.Bool
        select new RunCase(seed, duration, faults, slowHead, late, cancelAt, safeOnStale, ramp);

    [Fact]
    public void Run_GeneratedRunsWithFaults_EveryClocksPeriodsAddUp()
    {
        Cases.Sample(
            c =>
            {
                (RunSummary summary, long ran, long sinkActions, bool cancelled) = Execute(c);
                IReadOnlyList<ClockPeriods> periods = ClockPeriods.Of(summary.Ledger!);
                ClockPeriods head = periods.Single(p => p.ActionClock);
                long ramp = summary.Ledger!.Of(LedgerEntry.FallbackStop, "head");
                Assert.All(periods, p => Assert.True(p.Balanced, $"{p} of {c}"));
                Assert.Equal(0, summary.Guards["period_accounting_faults"]);
                Assert.Equal(sinkActions, head.Served);
                Assert.Equal(summary.Actions, head.Served);

                // A completed run: every action-clock period of its length (1 kHz), plus the ramp's. A cancelled
                // one: those of the base ticks it reached, or more where its watchdog covered periods whose base
                // tick never ran.
                if (cancelled)
                {
                    Assert.True(head.Elapsed - ramp >= ran, $"{head} ran {ran} ramp {ramp} of {c}");
                }
                else
                {
                    Assert.Equal(c.DurationMs + ramp, head.Elapsed);
                }
            },
            iter: 60,
            threads: 1);
    }

    private static (RunSummary Summary, long Ran, long SinkActions, bool Cancelled) Execute(RunCase c)
    {
        RateProfile p = TestProfiles.ThreeLevel(onStale: c.SafeOnStale ? StalePolicy.SafeAction : StalePolicy.Degraded, headOverrun: OverrunPolicy.SafeAction);
        p = p with { Action = p.Action with { MaxRatePerSecond = [15.625, 3.90625] } };
        var faults = new Random(c.Seed);
        using var h = new Harness(p, new JitterCostModel(c.Seed, 20_000_000, c.SlowHead ? 600_000 : 0), rampAtEnd: c.RampAtEnd);
        h.Head.Outcome = () => faults.Next(100) < c.FaultPercent ? (faults.Next(2) == 0 ? ModuleOutcome.Faulted : ModuleOutcome.NonFinite) : ModuleOutcome.Ok;
        using var cts = new CancellationTokenSource();
        h.Sink.OnWrite = tick =>
        {
            if (tick == c.CancelAtTick)
            {
                cts.Cancel();
            }
        };

        // Late wake-ups, a pure function of the base tick: up to 3.5 periods late, so whole periods are skipped.
        var driver = new VirtualTimeDriver
        {
            WakeLatenessNs = k => (int)((ulong)((k * 2654435761L) ^ c.Seed) % 100) < c.LatePercent ? (k % 4 * 1_000_000) + 500_000 : 0,
        };
        RunSummary summary = h.Executor.Run(driver, TimeSpan.FromMilliseconds(c.DurationMs), cts.Token);
        return (summary, h.Executor.BaseTicksDone, h.Sink.Actions.Count, summary.StoppedEarly);
    }
}
