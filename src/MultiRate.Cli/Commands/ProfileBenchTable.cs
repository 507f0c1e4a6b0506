using System.Globalization;
using MultiRate.Hosting.Tuning;

namespace MultiRate.Cli.Commands;

/// <summary>The human-readable output of <c>bench profile</c> (and of <c>tune</c>'s measurements).</summary>
internal static class ProfileBenchTable
{
    public static void Write(ProfileBenchReport report, TextWriter stdout)
    {
        // Plain aligned columns, not a Spectre table: eleven columns squeezed into an 80-column
        // (or redirected) terminal would wrap every number.
        stdout.WriteLine($"profile '{report.Profile}', config '{report.Config}': latency of one module call and budgets, in us");
        int width = Math.Max(5, report.Clocks.Max(c => c.Name.Length));
        stdout.WriteLine(Row(width, "clock", "samples", "p50", "p99", "p99.9", "max", "budget", "recommended", "verdict", "rate_hz", "max_rate_hz"));
        foreach (ClockRecommendation c in report.Clocks)
        {
            stdout.WriteLine(Row(
                width,
                c.Name,
                I(c.Latency.Samples),
                F(c.Latency.P50Us),
                F(c.Latency.P99Us),
                F(c.Latency.P999Us),
                F(c.Latency.MaxUs),
                I(c.BudgetUs),
                I(c.RecommendedBudgetUs),
                BenchReportJson.VerdictName(c.Verdict).Replace('_', ' '),
                I(c.RateHz),
                I(c.MaxRateHz)));
        }

        foreach (ClockRecommendation c in report.Clocks.Where(c => !c.FitsCurrentRate))
        {
            stdout.WriteLine(Inv($"clock '{c.Name}': the recommended budget {c.RecommendedBudgetUs} us does not fit its period at {c.RateHz} Hz; highest rate that fits: {c.MaxRateHz} Hz"));
        }

        stdout.WriteLine(
            Inv($"recommended budget = ceil(p{report.Policy.Quantile} x {report.Policy.Margin}) rounded up to 2 significant digits; ") +
            "verdict: too tight = current budget below it, too loose = at least twice it. max rate = the highest divisor of " +
            Inv($"base_tick_hz {report.BaseTickHz} (clocks must divide the base tick) whose period is longer than the recommended budget ") +
            "(the validator requires budget < period); compute only: the period must also hold I/O and wake-up jitter.");
    }

    public static string Method(ProfileBenchOptions options, int recursion) =>
        "method: the run's modules (same factory, seeds, 1 libtorch intra-op thread), seeded random inputs changed every call; " +
        Inv($"head: Act, {options.WarmUp} warm-up + {options.Samples} timed calls; context clocks: Update with the clock's history rows ") +
        Inv($"and upstream latent at full recursion K={recursion}, {options.EffectiveContextWarmUp} warm-up + {options.EffectiveContextSamples} timed calls; ") +
        "one module at a time on one thread (a run overlaps them), nearest-rank percentiles.";

    private static string Row(int width, string clock, string samples, string p50, string p99, string p999, string max, string budget, string recommended, string verdict, string rate, string maxRate) =>
        $"{clock.PadRight(width)} {samples,7} {p50,9} {p99,9} {p999,9} {max,9} {budget,7} {recommended,11}  {verdict,-9} {rate,7} {maxRate,11}";

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
