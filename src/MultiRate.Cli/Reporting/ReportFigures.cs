using ScottPlot;
using ScottPlot.Plottables;

namespace MultiRate.Cli.Reporting;

/// <summary>
/// The report's figures as ScottPlot plots (drawing only; <see cref="ReportPlots"/> saves them). Axes
/// follow <see cref="PlotScale"/>; titles use the words of <c>docs/vocabulary.md</c>.
/// </summary>
internal static class ReportFigures
{
    private const int Bins = 80;

    /// <summary>Compute latency of the ticks that ran, as a histogram (a handful: bars labelled with their counts); the budget as a line or an off-scale marker.</summary>
    public static Plot Histogram(ClockSeries clock)
    {
        double[] latencies = clock.RanLatenciesUs();
        Plot plot = New($"{clock.Name}: compute latency of the {latencies.Length} ticks that ran", "latency (us)", "ticks");
        double budget = clock.LastBudgetUs;
        AxisFit x = PlotScale.Fit(latencies, budget);
        double tallest = 1;
        if (latencies.Length > 0)
        {
            bool few = latencies.Length <= PlotScale.Handful;
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(few ? 20 : Bins, 0, x.Max);
            histogram.AddRange(latencies);
            plot.Add.Histogram(histogram);
            tallest = Math.Max(1, histogram.Counts.Max());
            for (int i = 0; few && i < histogram.Counts.Length; i++)
            {
                if (histogram.Counts[i] > 0)
                {
                    Text label = plot.Add.Text($"{histogram.Counts[i]:0}", histogram.Bins[i] + (histogram.FirstBinSize / 2), histogram.Counts[i]);
                    label.LabelAlignment = Alignment.LowerCenter;
                    label.LabelFontSize = 12;
                }
            }
        }

        Reference(plot, x, budget, "budget", "us", vertical: true);
        Beyond(plot, x, "us", rightEdge: true);
        plot.Axes.SetLimitsX(0, x.Max);
        plot.Axes.SetLimitsY(0, tallest * PlotScale.Headroom);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Compute latency per tick over run time, against the budget in force at each tick.</summary>
    public static Plot LatencyOverTime(ClockSeries clock)
    {
        Plot plot = New($"{clock.Name}: compute latency per tick ({clock.Ticks} ticks)", "run time (s)", "latency (us)");
        double[] times = [.. clock.TimeS];
        PlotMarks.Series(plot, times, [.. clock.LatencyUs], "latency", v => $"{PlotScale.Number(Math.Round(v))} us", line: false);
        AxisFit y = PlotScale.Fit(clock.LatencyUs, clock.BudgetUs.DefaultIfEmpty(0).Max());
        if (y.Reference == ReferenceMark.Line)
        {
            Scatter budget = plot.Add.ScatterLine(times, [.. clock.BudgetUs], Colors.Red);
            budget.LinePattern = LinePattern.Dashed;
            budget.LineWidth = 2;
            budget.LegendText = "budget";
        }
        else if (y.Reference == ReferenceMark.OffScale)
        {
            PlotMarks.OffScale(plot, PlotScale.OffScaleText("budget", clock.LastBudgetUs, "us", rightEdge: false), rightEdge: false);
        }

        Beyond(plot, y, "us", rightEdge: false);
        PlotMarks.TimeAxis(plot, times);
        plot.Axes.SetLimitsY(0, y.Max);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// Cumulative misses (action clock: ticks without a model result by the deadline) or skipped
    /// triggers (context clock: the previous update still ran), and, on the action clock, the fallbacks
    /// sent (hold or safe instead of the head's action).
    /// </summary>
    public static Plot Misses(ClockSeries clock, IReadOnlyList<double> fallbackTimesS)
    {
        string title = clock.IsActionClock
            ? $"{clock.Name}: misses (no model result by the deadline) {clock.Misses} of {clock.Ticks} ticks; fallbacks sent {fallbackTimesS.Count}"
            : $"{clock.Name}: skipped triggers (previous update still running) {clock.Misses} of {clock.Ticks} ticks";
        Plot plot = New(title, "run time (s)", "count so far");
        double top = Cumulative(plot, clock.TimeS, clock.Missed.Select(m => m ? 1 : 0).ToList(), clock.IsActionClock ? "misses" : "skipped triggers");
        if (clock.IsActionClock)
        {
            // Fallbacks include those the watchdog sent for periods the fast thread skipped (no tick record).
            top = Math.Max(top, Cumulative(plot, fallbackTimesS, fallbackTimesS.Select(_ => 1).ToList(), "fallbacks (hold or safe sent)"));
        }

        plot.ShowLegend(Alignment.UpperLeft);
        PlotMarks.TimeAxis(plot, [.. clock.TimeS, .. fallbackTimesS]);
        plot.Axes.SetLimitsY(0, PlotScale.Fit([top], null).Max);
        return plot;
    }

    /// <summary>Age of the latent the head read at each tick, against the age limit (beyond it a tick is stale).</summary>
    public static Plot LatentAge(ClockSeries clock, double? limitMs)
    {
        Plot plot = New($"{clock.Name}: age of the latent read at each tick (stale beyond the age limit)", "run time (s)", "latent age (ms)");
        double[] xs = [.. clock.TimeS.Where((_, i) => clock.LatentAgeMs[i] >= 0)];
        double[] ys = [.. clock.LatentAgeMs.Where(a => a >= 0)];
        PlotMarks.Series(plot, xs, ys, "latent age", v => $"{PlotScale.Number(Math.Round(v, 1))} ms", line: true);
        AxisFit y = PlotScale.Fit(ys, limitMs);
        Reference(plot, y, limitMs ?? 0, "age limit", "ms", vertical: false);
        Beyond(plot, y, "ms", rightEdge: false);
        PlotMarks.TimeAxis(plot, xs);
        plot.Axes.SetLimitsY(0, y.Max);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Reference(Plot plot, AxisFit fit, double value, string what, string unit, bool vertical)
    {
        if (fit.Reference == ReferenceMark.Line)
        {
            AxisLine line = vertical
                ? plot.Add.VerticalLine(value, 2, Colors.Red, LinePattern.Dashed)
                : plot.Add.HorizontalLine(value, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"{what} {PlotScale.Number(value)} {unit}";
        }
        else if (fit.Reference == ReferenceMark.OffScale)
        {
            PlotMarks.OffScale(plot, PlotScale.OffScaleText(what, value, unit, rightEdge: vertical), rightEdge: vertical);
        }
    }

    private static void Beyond(Plot plot, AxisFit fit, string unit, bool rightEdge)
    {
        if (PlotScale.BeyondText(fit, unit, rightEdge) is { } text)
        {
            PlotMarks.OffScale(plot, text, rightEdge, second: true);
        }
    }

    private static double Cumulative(Plot plot, IReadOnlyList<double> times, IReadOnlyList<int> increments, string label)
    {
        double[] sums = new double[times.Count];
        double n = 0;
        for (int i = 0; i < sums.Length; i++)
        {
            n += increments[i];
            sums[i] = n;
        }

        PlotMarks.Series(plot, [.. times], sums, label, v => PlotScale.Number(v), line: true);
        return n;
    }

    private static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }
}
