using System.Globalization;
using MultiRate.Bench.Profile;

namespace MultiRate.Cli.Commands;

/// <summary>The human-readable output of <c>bench profile</c> (and of <c>tune</c>'s measurements).</summary>
internal static class ProfileBenchTable
{
    public static void Write(ProfileBenchReport report, TextWriter stdout)
    {
        // Plain aligned columns, not a Spectre table: eleven columns squeezed into an 80-column
        // (or redirected) terminal would wrap every number.
        stdout.WriteLine($"profile '{report.Profile}', config '{report.Config}': {What(report.Method)} and budgets, in us");
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

        foreach (ClockRecommendation c in report.Clocks)
        {
            // The table's p99 and p99.9 columns and the budget's quantile: say which of them rest on too few samples.
            foreach (string note in new[] { SampleRule.Note(99, c.Latency.Samples), SampleRule.Note(99.9, c.Latency.Samples), c.SampleNote }.OfType<string>().Distinct())
            {
                stdout.WriteLine($"clock '{c.Name}': {note}");
            }
        }

        foreach (ClockRecommendation c in report.Clocks.Where(c => !c.FitsCurrentRate))
        {
            stdout.WriteLine(Inv($"clock '{c.Name}': the recommended budget {c.RecommendedBudgetUs} us does not fit its period at {c.RateHz} Hz; highest rate that fits: {c.MaxRateHz} Hz"));
        }

        stdout.WriteLine(
            Inv($"recommended budget = ceil(p{report.Policy.Quantile} x {report.Policy.Margin}) rounded up to 2 significant digits; ") +
            "verdict: too tight = current budget below it, too loose = at least twice it. max rate = the highest divisor of " +
            Inv($"base_tick_hz {report.BaseTickHz} (clocks must divide the base tick) whose period is longer than the recommended budget ") +
            "(the validator requires budget < period); " +
            (report.Method == "graph_run"
                ? "a response includes the wake-up lateness and the other clocks' load; a skipped period counts as one period."
                : "compute only: the period must also hold I/O and wake-up jitter."));
    }

    public static string Method(ProfileBenchReport report) => report.Method switch
    {
        "recording" => "method: the recorded run's compute time per tick (the recording holds no wake-up lateness); nearest-rank percentiles.",
        "saved" => "method: saved measurements (see how they were taken); nearest-rank percentiles.",
        _ => "method: the whole graph as 'run' builds it (same modules, sensor source, CPU pin and priority), in real time with every clock at its rate " +
            "and every budget just under its period (so no deadline or timeout cuts the work short); the action clock's response is its wake-up lateness " +
            "plus the head's compute (its deadline is tick time + budget), a context clock's is trigger to finished update; nearest-rank percentiles.",
    };

    private static string What(string method) => method switch
    {
        "recording" => "recorded compute time per tick",
        "saved" => "saved measurements",
        _ => "response time per tick in a full-graph real-time run",
    };

    private static string Row(int width, string clock, string samples, string p50, string p99, string p999, string max, string budget, string recommended, string verdict, string rate, string maxRate) =>
        $"{clock.PadRight(width)} {samples,7} {p50,9} {p99,9} {p999,9} {max,9} {budget,7} {recommended,11}  {verdict,-9} {rate,7} {maxRate,11}";

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
