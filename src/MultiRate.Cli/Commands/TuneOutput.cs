using System.Globalization;
using MultiRate.Bench.Tuning;

namespace MultiRate.Cli.Commands;

/// <summary>Prints <c>tune</c>'s proposed changes, its confirmation and its outcome.</summary>
internal static class TuneOutput
{
    public static void Changes(TuneResult result, TextWriter stdout)
    {
        stdout.WriteLine(result.Changes.Count == 0 ? $"proposed changes to {result.OriginalPath}: none" : $"proposed changes to {result.OriginalPath}:");
        foreach (TuneChange c in result.Changes)
        {
            stdout.WriteLine(Inv($"  line {c.Line}: {c.Path}: {c.OldValue} -> {c.NewValue}   ({c.Reason})"));
        }

        foreach (string note in result.Notes)
        {
            stdout.WriteLine("note: " + note);
        }
    }

    /// <summary>Predicted against achieved miss rate, per clock.</summary>
    public static void Confirmation(ConfirmationReport report, TextWriter stdout)
    {
        stdout.WriteLine(Inv($"confirmation: {report.Seconds:0.###} s under the tuned profile; a miss is a period without the clock's result by its budget"));
        int width = Math.Max(5, report.Clocks.Max(c => c.Name.Length));
        stdout.WriteLine(Row(width, "clock", "budget", "tuned", "ticks", "misses", "miss rate", "predicted", "tolerance", "verdict"));
        foreach (ClockConfirmation c in report.Clocks)
        {
            stdout.WriteLine(Row(
                width,
                c.Name,
                Inv($"{c.BudgetUs}"),
                Inv($"{c.RecommendedUs}"),
                Inv($"{c.Ticks}"),
                Inv($"{c.Misses}"),
                Percent(c.MissRate),
                c.PredictedMissRate is double p ? Percent(p) : "-",
                Percent(c.Tolerance),
                c.Meets ? "meets" : "misses"));
        }

        foreach (ClockConfirmation c in report.Clocks.Where(c => c.FewTicks))
        {
            stdout.WriteLine(Inv($"clock '{c.Name}': {c.Ticks} ticks are too few to show a miss rate of {Percent(c.Tolerance)}: one miss decides; confirm longer (--confirm-seconds) to judge it"));
        }
    }

    /// <summary>The closing lines: what was (or would be) written.</summary>
    public static void Outcome(TuneResult result, ConfirmationReport? confirmation, bool write, bool written, TextWriter stdout)
    {
        if (confirmation is { Accepted: false })
        {
            stdout.WriteLine($"refused: the confirmation missed more than the tolerance; {(write ? $"{result.TunedPath} was not written" : "nothing written (dry run)")}. " +
                "Measure under the conditions of the run (--fifo-priority, the profile's cpu layout, a quieter machine), raise --margin, or lower the rate (--lower-rates).");
            return;
        }

        string confirmed = confirmation is null ? "not confirmed (--confirm-seconds 0)" : "confirmed";
        if (result.Changes.Count == 0)
        {
            stdout.WriteLine($"nothing to change: every measured budget already equals its recommendation ({confirmed}); nothing written.");
            return;
        }

        if (!written)
        {
            stdout.WriteLine($"dry run ({confirmed}): nothing written; rerun with --write to write {result.TunedPath}. The diff it would write:");
            stdout.WriteLine(result.Diff);
            return;
        }

        stdout.WriteLine($"wrote {result.TunedPath}: validated with the profile loader and confirmed; " +
            (result.HotReloadable ? "only live-editable values changed, so a running system can hot-reload it." : "a rate changed, so apply it with a restart (no hot reload)."));
        stdout.WriteLine(result.Diff);
    }

    private static string Row(int width, string clock, string budget, string tuned, string ticks, string misses, string rate, string predicted, string tolerance, string verdict) =>
        $"{clock.PadRight(width)} {budget,7} {tuned,7} {ticks,7} {misses,7} {rate,10} {predicted,10} {tolerance,10}  {verdict}";

    private static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
