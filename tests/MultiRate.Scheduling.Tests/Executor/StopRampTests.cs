using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Drivers;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class StopRampTests
{
    private const long PeriodNs = 1_000_000; // the ThreeLevel head clock: 1 kHz

    private static RateProfile Limited(double[] rates, double? onStopMaxMs = null)
    {
        RateProfile p = TestProfiles.ThreeLevel();
        return p with { Action = p.Action with { MaxRatePerSecond = rates, OnStopMaxMs = onStopMaxMs } };
    }

    [Fact]
    public void Run_CancelledMidRun_RampsWithinTheRateLimitAndEndsExactlyOnSafe()
    {
        double[] rates = [15.625, 3.90625]; // steps of 2^-6 and 2^-8 per 1 ms tick: exact in float, so the count is exact
        using var cts = new CancellationTokenSource();
        using var h = new Harness(Limited(rates));
        h.Sink.OnWrite = tick =>
        {
            if (tick == 599)
            {
                cts.Cancel();
            }
        };

        RunSummary summary = h.Executor.Run(new VirtualTimeDriver(), TimeSpan.FromSeconds(2), cts.Token);

        Assert.True(summary.StoppedEarly);
        Assert.Equal(StopReasons.Signal, summary.StopReason);
        var actions = h.Sink.Actions;
        var ramp = actions.Skip(600).ToList();
        float[] before = actions[599].Action;
        Assert.NotEqual([0f, 0f], before); // there is something to ramp from
        Assert.All(ramp, a => Assert.Equal(ActionKind.Safe, a.Kind));
        Assert.Equal(Enumerable.Range(0, actions.Count).Select(i => (long)i), actions.Select(a => a.Tick)); // one per tick, no gap
        Assert.Equal(Enumerable.Range(600, ramp.Count).Select(i => i * PeriodNs), ramp.Select(a => a.TimeNs)); // on the clock's period
        AssertEachStepWithinTheRate(actions.Skip(599).ToList(), rates, [0f, 0f]);
        Assert.Equal(0, BitConverter.SingleToInt32Bits(actions[^1].Action[0]));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(actions[^1].Action[1]));
        Assert.Equal(ExpectedRampTicks(before, [0, 0], rates), ramp.Count);
        Assert.Equal(ramp.Count, h.Executor.Ledger.Total(LedgerEntry.FallbackStop));
    }

    [Fact]
    public void Run_Completed_RampsToSafeAfterTheLastTickAndSaysCompleted()
    {
        double[] rates = [15.625, 3.90625]; // steps of 2^-6 and 2^-8 per 1 ms tick: exact in float, so the count is exact
        using var h = new Harness(Limited(rates), rampAtEnd: true);

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(500));

        Assert.False(summary.StoppedEarly);
        Assert.Equal(StopReasons.Completed, summary.StopReason);
        var actions = h.Sink.Actions;
        Assert.Equal(ExpectedRampTicks(actions[499].Action, [0, 0], rates), actions.Count - 500);
        AssertEachStepWithinTheRate(actions.Skip(499).ToList(), rates, [0f, 0f]);
        Assert.Equal([0f, 0f], actions[^1].Action);
        Assert.Equal(actions.Count, summary.Actions);
        Assert.Equal(actions.Count - 500, summary.ActionsByKind["safe"]);
    }

    [Fact]
    public void Run_NoRateLimit_OneSafeActionEndsTheRun()
    {
        using var h = new Harness(TestProfiles.ThreeLevel(), rampAtEnd: true);

        h.Run(TimeSpan.FromMilliseconds(50));

        Assert.Equal(51, h.Sink.Actions.Count);
        Assert.Equal(ActionKind.Safe, h.Sink.Actions[^1].Kind);
        Assert.Equal([0f, 0f], h.Sink.Actions[^1].Action);
        Assert.Equal(50 * PeriodNs, h.Sink.Actions[^1].TimeNs);
    }

    [Fact]
    public void Run_BoundShorterThanTheRampNeeds_LastTickOfTheBoundSnapsToSafe()
    {
        // Only a profile built in code gets here (validation refuses such a bound); the stop still ends on safe.
        using var h = new Harness(Limited([20, 5], onStopMaxMs: 3), rampAtEnd: true);

        h.Run(TimeSpan.FromMilliseconds(500));

        Assert.Equal(504, h.Sink.Actions.Count); // ticks at +0, +1, +2 and +3 ms
        Assert.Equal([0f, 0f], h.Sink.Actions[^1].Action);
        Assert.Equal(503 * PeriodNs, h.Sink.Actions[^1].TimeNs);
    }

    [Fact]
    public void Run_RampToSafeAtEndOff_NoActionAfterTheLastTick()
    {
        using var h = new Harness(Limited([20, 5]));

        RunSummary summary = h.Run(TimeSpan.FromMilliseconds(50));

        Assert.Equal(50, h.Sink.Actions.Count);
        Assert.Equal(StopReasons.Completed, summary.StopReason);
    }

    /// <summary>ceil(distance / step) of the slowest dimension: the ramp ticks the rate limit needs.</summary>
    private static long ExpectedRampTicks(float[] from, double[] safe, double[] rates) =>
        Enumerable.Range(0, from.Length).Max(i => (long)Math.Ceiling(Math.Abs(from[i] - safe[i]) / (float)(rates[i] * (PeriodNs / 1e9))));

    /// <summary>Each action is exactly what the limiter allows toward safe from the one before: a full step, or safe itself within one step.</summary>
    private static void AssertEachStepWithinTheRate(List<(long TimeNs, long Tick, ActionKind Kind, float[] Action)> actions, double[] rates, float[] safe)
    {
        for (int k = 1; k < actions.Count; k++)
        {
            double dt = (actions[k].TimeNs - actions[k - 1].TimeNs) / 1e9;
            for (int i = 0; i < safe.Length; i++)
            {
                float last = actions[k - 1].Action[i];
                float step = (float)(rates[i] * dt);
                Assert.Equal(Math.Clamp(safe[i], last - step, last + step), actions[k].Action[i]);
            }
        }
    }
}
