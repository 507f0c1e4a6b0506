using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MultiRate.Cli.Dashboard;

/// <summary>Turns a <see cref="DashboardSnapshot"/> into a live frame or a plain text line. Pure: no I/O, no clock.</summary>
internal static class DashboardRenderer
{
    private const int BarWidth = 40;

    /// <summary>Rows one log line may take in the log panel.</summary>
    private const int LogRowsPerLine = 3;

    /// <summary>The live frame: a table per clock, the latent age, the actions, a progress bar, the last reload and the log panel.</summary>
    /// <param name="s">What to show.</param>
    /// <param name="width">The terminal's width (the log panel's lines are fitted to it).</param>
    public static IRenderable Render(DashboardSnapshot s, int width = 160)
    {
        ArgumentNullException.ThrowIfNull(s);
        var table = new Table()
            .Title($"[bold]{Markup.Escape(s.Profile)}[/] ({s.Verb}, {F(s.WallSeconds)} s wall)")
            .AddColumns("clock", "Hz", "achieved Hz (2 s)", "p50 us", "p99 us", "max us", "budget us", "misses", "skipped", "faults", "recursion p50/max");
        foreach (ClockRow c in s.Clocks)
        {
            table.AddRow(
                Markup.Escape(c.Name),
                N(c.RateHz),
                F(c.AchievedHz),
                F(c.P50Us),
                Over(c.P99Us, c.BudgetUs, "red"),
                Over(c.MaxUs, c.BudgetUs, "yellow"),
                F(c.BudgetUs),
                Count(c.Misses, "red"),
                Count(c.Skipped, "yellow"),
                Count(c.Faults, "red"),
                c.RecursionMax > 0 ? $"{F(c.RecursionP50)}/{F(c.RecursionMax)}" : "-");
        }

        var rows = new List<IRenderable>
        {
            table,
            new Markup($"latent age ms: p50 {F(s.LatentAgeP50Ms)}  max {F(s.LatentAgeMaxMs)}"),
        };
        if (s.Actions is { } a)
        {
            rows.Add(new Markup(Markup.Escape(ActionText(a))));
        }

        rows.Add(new Markup(ProgressMarkup(s)));
        if (s.Reload is not null)
        {
            rows.Add(new Markup($"[{(s.ReloadFailed ? "red" : "green")}]{Markup.Escape(s.Reload)}[/]"));
        }

        if (s.Log is { } log)
        {
            rows.Add(LogPanel(log, s.LogTotal, width));
        }

        return new Rows(rows);
    }

    /// <summary>The log lines written while the display is up, each whole (wrapped) or ending in an ellipsis.</summary>
    private static Panel LogPanel(IReadOnlyList<string> log, long total, int width)
    {
        // The panel's border and padding take 4 columns.
        int inner = Math.Max(20, width - 4);
        var lines = new List<IRenderable>();
        foreach (string line in log)
        {
            lines.AddRange(LogLines.Fit(line, inner, LogRowsPerLine).Select(r => new Text(r) { Overflow = Overflow.Ellipsis }));
        }

        if (lines.Count == 0)
        {
            lines.Add(new Markup("[grey]nothing logged[/]"));
        }

        string header = total > log.Count ? $"log: last {log.Count} of {total} lines; all are printed after the display" : "log (printed again after the display)";
        return new Panel(new Rows(lines)) { Header = new PanelHeader(header), Expand = true };
    }

    /// <summary>One line for redirected output: progress, then each clock, then the latent age.</summary>
    public static string PlainLine(DashboardSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder();
        if (s.WarmingUp)
        {
            return $"{s.Verb} {F(s.WallSeconds)} s {WarmingUpText}";
        }

        sb.Append(CultureInfo.InvariantCulture, $"{s.Verb} {F(s.WallSeconds)} s {Percent(s)}%");
        foreach (ClockRow c in s.Clocks)
        {
            sb.Append(CultureInfo.InvariantCulture, $" | {c.Name} {F(c.AchievedHz)}/{N(c.RateHz)} Hz p50/p99/max {F(c.P50Us)}/{F(c.P99Us)}/{F(c.MaxUs)} us (budget {F(c.BudgetUs)}) misses {N(c.Misses)} skipped {N(c.Skipped)} faults {N(c.Faults)}");
            if (c.RecursionMax > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $" steps {F(c.RecursionP50)}/{F(c.RecursionMax)}");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $" | latent age ms p50 {F(s.LatentAgeP50Ms)} max {F(s.LatentAgeMaxMs)}");
        if (s.Actions is { } a)
        {
            sb.Append(" | ").Append(ActionText(a));
        }

        if (s.Reload is not null)
        {
            sb.Append(" | ").Append(s.Reload);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>actions: model 10, degraded 2, hold 3, safe 0; fallbacks 3 (deadline_fallbacks 3); stale ticks 2; periods without an action 0</c>:
    /// a fallback is a hold or safe action sent instead of the head's; a miss (the clock rows) is a tick
    /// without a model result by its deadline. The two are different counts.
    /// </summary>
    internal static string ActionText(ActionTally a)
    {
        string reasons = a.FallbackReasons.Count == 0 ? string.Empty : " (" + string.Join(", ", a.FallbackReasons.Select(r => $"{r.Key} {N(r.Value)}")) + ")";
        string gaps = a.NoActionReasons is not { Count: > 0 } why ? string.Empty : " (" + string.Join(", ", why.Select(r => $"{r.Key} {N(r.Value)}")) + ")";
        return $"actions: model {N(a.Model)}, degraded {N(a.Degraded)}, hold {N(a.Hold)}, safe {N(a.Safe)}; fallbacks {N(a.Fallbacks)}{reasons}; stale ticks {N(a.StaleTicks)}; periods without an action {N(a.PeriodsWithoutAction)}{gaps}";
    }

    private static string ProgressMarkup(DashboardSnapshot s)
    {
        if (s.WarmingUp)
        {
            return $"{s.Verb} [grey]{WarmingUpText}[/]";
        }

        int filled = (int)Math.Round(s.Progress * BarWidth);
        return $"{s.Verb} [green]{new string('█', filled)}[/][grey]{new string('░', BarWidth - filled)}[/] {Percent(s)}%  {N(s.BaseTicksDone)}/{N(s.BaseTicksTotal)} base ticks";
    }

    private const string WarmingUpText = "warming up before tick 0 (JIT, threads, per-thread libtorch state; up to 2 s)";

    private static string Percent(DashboardSnapshot s) => (s.Progress * 100).ToString("0", CultureInfo.InvariantCulture);

    private static string Over(double value, double budget, string colour) =>
        value > budget ? $"[{colour}]{F(value)}[/]" : F(value);

    private static string Count(long value, string colour) => value > 0 ? $"[{colour}]{N(value)}[/]" : N(value);

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
