using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;
using MultiRate.Training.Evaluation;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Tests.Evaluation;

public class DeployedOutputTests
{
    // 100 Hz head, 10 Hz context, deterministic handoff with 50 ms latency: the latent of slow tick j
    // (at 100 j ms) is visible from 100 (j + 1) ms, so its age runs 100..190 ms; 150 ms is the limit.
    private static (DeployedOutput Output, ScheduleTimeline Timeline) Create(string limits, string onStale = "safe_action")
    {
        RateProfile profile = RateProfileLoader.Parse($$"""
            name: deployed-output
            base_tick_hz: 100
            modules: { context: { kind: context }, head: { kind: action_head } }
            clocks:
              context: { rate_hz: 10, budget_us: 80000, module: context, history: 10, latency_us: 50000 }
              head: { rate_hz: 100, budget_us: 5000, overrun: hold, module: head }
            handoffs: [ { from: context, to: head, mode: deterministic } ]
            latent: { age_limit_ms: 150, on_stale: {{onStale}} }
            action: { dimension: 1, safe: [0.5], {{limits}} }
            """, null);
        ScheduleTimeline timeline = ScheduleTimeline.Read(profile, 10, 30);
        return (new DeployedOutput(profile.Action, profile.Latent, timeline), timeline);
    }

    [Fact]
    public void Send_StaleLatentsNonFiniteOutputAndRateLimit_AreTheFastAndOutputStagesRules()
    {
        (DeployedOutput output, _) = Create("min: [-1], max: [1], max_rate_per_s: [10]");
        float[] head = Enumerable.Repeat(1f, 30).ToArray();
        head[12] = float.NaN;

        float[] sent = output.Send(head, 30, out bool[] changed);

        // 0-9: no latent yet -> safe; 10-15: the head, 0.1 per 10 ms tick at most (12: a hold);
        // 16-19: the latent is older than 150 ms -> back towards safe; 20-25: the head again.
        double[] expected =
        [
            0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
            0.6, 0.7, 0.7, 0.8, 0.9, 1.0, 0.9, 0.8, 0.7, 0.6,
            0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6,
        ];
        Assert.Equal(expected, sent.Select(v => Math.Round(v, 5)));
        Assert.Equal(expected.Select((v, i) => v != 1.0 || i == 12), changed);
    }

    [Fact]
    public void Send_DegradedOnStaleWithoutRateLimit_ClampsToTheRangeOnly()
    {
        (DeployedOutput output, _) = Create("min: [-1], max: [1]", onStale: "degraded");

        float[] sent = output.Send([3f, -0.25f, -7f, 0.75f], 4, out bool[] changed);

        Assert.Equal([1f, -0.25f, -1f, 0.75f], sent);
        Assert.Equal([true, false, true, false], changed);
    }
}
