using System.Globalization;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;
using Spectre.Console;

namespace MultiRate.Cli.Output;

/// <summary>The run summary as a table per clock, plus the latent and action lines.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, RunSummary s, LogCoverage? replay = null)
    {
        if (s.Priority is { } priority)
        {
            // First: whether the run had real-time priority decides how to read its misses.
            console.WriteLine(priority.Describe());
        }

        console.MarkupLine($"[bold]{Markup.Escape(s.Profile)}[/] ({s.Mode}): {s.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s on the run's clock in {s.WallSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s wall");
        var table = new Table().AddColumns("clock", "Hz", "ticks", "misses", "skipped", "faults", "p50 us", "p99 us", "max us", "budget us");
        foreach (ClockSummary c in s.Clocks)
        {
            table.AddRow(
                c.Name,
                N(c.RateHz),
                N(c.Ticks),
                N(c.Misses),
                N(c.SkippedPeriods),
                N(c.Faults),
                F(c.LatencyP50Us),
                F(c.LatencyP99Us),
                F(c.LatencyMaxUs),
                F(c.BudgetUs));
        }

        console.Write(table);
        console.WriteLine(
            $"latent age ms: p50 {F(s.LatentAgeP50Ms)}  p99 {F(s.LatentAgeP99Ms)}  max {F(s.LatentAgeMaxMs)}  (stale ticks {N(s.StaleTicks)}, last version {N(s.LastLatentVersion)}, recursion steps p50 {F(s.RecursionStepsP50)})");
        console.WriteLine(
            $"actions: {N(s.Actions)} ({string.Join(", ", s.ActionsByKind.Select(k => $"{k.Key} {N(k.Value)}"))})  sha256 {s.ActionsSha256}");
        if (s.Ledger is { } ledger)
        {
            console.WriteLine(PeriodsLine(ClockPeriods.Of(ledger)));
        }

        if (replay is not null)
        {
            console.WriteLine(ReplayLine(replay));
        }
    }

    /// <summary>
    /// One line accounting for every period, e.g. <c>periods: context 50 = 50 ticks + 0 skipped; head 5003 = 5003
    /// actions + 0 without (no_action_start_up 0, no_action_not_scheduled 0, no_action_stopped 0)</c>; a clock whose
    /// periods do not add up is marked.
    /// </summary>
    public static string PeriodsLine(IReadOnlyList<ClockPeriods> clocks)
    {
        IEnumerable<string> parts = clocks.Select(c =>
        {
            string figures = c.ActionClock
                ? $"{c.Clock} {N(c.Elapsed)} = {N(c.Served)} actions + {N(c.Gaps)} without ({string.Join(", ", c.GapReasons.Select(r => $"{r.Key} {N(r.Value)}"))})"
                : $"{c.Clock} {N(c.Elapsed)} = {N(c.Served)} ticks + {N(c.Gaps)} skipped";
            return c.Balanced ? figures : figures + " DO NOT ADD UP (period_accounting_faults)";
        });
        return "periods: " + string.Join("; ", parts);
    }

    /// <summary>One line on how much of the log was replayed, e.g. <c>log damaged at byte 123456 (...): replayed 41.2 s of 69.3 s</c>.</summary>
    public static string ReplayLine(LogCoverage c)
    {
        string of = c.LogSeconds is double total ? $" of {S(total)} s" : " (log end unknown)";
        return c.Damaged
            ? $"log damaged at byte {(c.StoppedAtByte is long b ? N(b) : "?")} ({c.Reason}): replayed {S(c.ReplayedSeconds)} s{of}, {N(c.MessagesRead)} messages"
            : $"log intact: {S(c.ReplayedSeconds)} s, {N(c.MessagesRead)} messages read";
    }

    private static string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
