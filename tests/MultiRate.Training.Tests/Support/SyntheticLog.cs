using System.Globalization;
using System.Text;

namespace MultiRate.Training.Tests.Support;

/// <summary>
/// A CSV log with known dynamics, plus a matching config and rate profile, in a fresh temp folder:
/// y = 0.5 u + 0.4 w, where the head reads u (fast) and only the context reads w (slow).
/// </summary>
internal sealed class SyntheticLog
{
    private SyntheticLog(string dir) => Directory = dir;

    public string Directory { get; }

    public string LogPath => Path.Combine(Directory, "syn.csv");

    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    public string ProfilePath => Path.Combine(Directory, "rates.yaml");

    public string Out(string name) => Path.Combine(Directory, name);

    /// <param name="seconds">Length of the log.</param>
    /// <param name="hz">Rows per second.</param>
    /// <param name="targets">The config's targets (YAML flow list).</param>
    /// <param name="chained">A planner -> context -> head chain instead of one slow clock.</param>
    /// <param name="maxRatePerSecond">The action's rate limit (max_rate_per_s), or null for none.</param>
    /// <param name="latent">The one-slow-clock profile's <c>latent</c> entry instead of a 500 ms limit with degraded heads.</param>
    /// <param name="stillAfter">From this time (seconds) on, u, w and y hold their values: a log that ends at rest.</param>
    public static SyntheticLog Create(double seconds = 20, int hz = 100, string targets = "[\"/syn.y\"]", bool chained = false, double? maxRatePerSecond = null, string? latent = null, double stillAfter = double.PositiveInfinity)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-training-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var log = new SyntheticLog(dir);
        var csv = new StringBuilder("time,u,w,y\n");
        for (int k = 0; k < seconds * hz; k++)
        {
            double time = (double)k / hz;
            double t = Math.Min(time, stillAfter);
            double u = Math.Sin(2 * Math.PI * 0.7 * t) + (0.3 * Math.Sin(2 * Math.PI * 2.3 * t));
            double w = Math.Sin(2 * Math.PI * 0.11 * t);
            double y = (0.5 * u) + (0.4 * w);
            csv.Append(CultureInfo.InvariantCulture, $"{time:F4},{u:F6},{w:F6},{y:F6}\n");
        }

        File.WriteAllText(log.LogPath, csv.ToString());
        File.WriteAllText(log.ConfigPath, $$"""
            name: synthetic
            seed: 3
            source: syn.csv
            inputs:
              head: ["/syn.u"]
              context: ["/syn.w"]
            targets: {{targets}}
            head: { hidden: [32], age_features: true }
            context: { d_model: 8, heads: 2, feed_forward: 16, recursion: 2, history: 10, latent_dim: 4 }
            """);
        string profile = chained ? ChainedProfile : OneSlowProfile;
        if (maxRatePerSecond is double rate)
        {
            profile = profile.Replace("max: [2] }", FormattableString.Invariant($"max: [2], max_rate_per_s: [{rate}] }}"), StringComparison.Ordinal);
        }

        if (latent is not null)
        {
            profile = profile.Replace("{ age_limit_ms: 500, on_stale: degraded }", latent, StringComparison.Ordinal);
        }

        File.WriteAllText(log.ProfilePath, profile);
        return log;
    }

    // 100 Hz head, 10 Hz context (50 ms), deterministic.
    private const string OneSlowProfile = """
        name: synthetic-100hz
        base_tick_hz: 100
        modules:
          context: { kind: context }
          head: { kind: action_head }
        clocks:
          context: { rate_hz: 10, offset_ticks: 0, budget_us: 80000, overrun: skip, module: context, history: 10, latency_us: 50000 }
          head: { rate_hz: 100, offset_ticks: 0, budget_us: 5000, overrun: hold, module: head }
        handoffs:
          - { from: context, to: head, mode: deterministic }
        latent: { age_limit_ms: 500, on_stale: degraded }
        action: { dimension: 1, safe: [0], min: [-2], max: [2] }
        """;

    // A chain: 2 Hz planner (latest, 120 ms) -> 10 Hz context (offset 3 ticks, 50 ms, deterministic) -> 100 Hz head.
    private const string ChainedProfile = """
        name: synthetic-chain
        base_tick_hz: 100
        modules:
          planner: { kind: context }
          context: { kind: context }
          head: { kind: action_head }
        clocks:
          planner: { rate_hz: 2, offset_ticks: 0, budget_us: 200000, overrun: skip, module: planner, history: 20, latency_us: 120000 }
          context: { rate_hz: 10, offset_ticks: 3, budget_us: 80000, overrun: skip, module: context, history: 10, latency_us: 50000 }
          head: { rate_hz: 100, offset_ticks: 0, budget_us: 5000, overrun: hold, module: head }
        handoffs:
          - { from: planner, to: context, mode: latest }
          - { from: context, to: head, mode: deterministic }
        latent: { age_limit_ms: 1000, on_stale: degraded }
        action: { dimension: 1, safe: [0], min: [-2], max: [2] }
        """;
}
