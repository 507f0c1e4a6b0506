using System.Globalization;
using MultiRate.Core.Files;
using ScottPlot;
using ScottPlot.Plottables;

namespace MultiRate.Cli.Reporting;

/// <summary>
/// The report's PNG plots (ScottPlot 5, rendered headless by SkiaSharp): per clock a latency
/// histogram and latency over time against the budget and the misses over time; for the action
/// clock also the latent age over time against the age limit.
/// </summary>
internal static class ReportPlots
{
    private const int Width = 900;
    private const int Height = 450;

    /// <summary>Writes the plots of <paramref name="clock"/> into <paramref name="dir"/>; returns (caption, file name) pairs.</summary>
    public static List<(string Caption, string File)> Write(ClockSeries clock, RecordingData data, string dir)
    {
        var files = new List<(string, string)>
        {
            ($"{clock.Name}: latency histogram", Histogram(clock, dir, data.Path)),
            ($"{clock.Name}: latency over time", LatencyOverTime(clock, dir, data.Path)),
            ($"{clock.Name}: misses over time", Misses(clock, data, dir, data.Path)),
        };
        if (clock.IsActionClock)
        {
            files.Add(($"{clock.Name}: latent age over time", LatentAge(clock, data.AgeLimitMs, dir, data.Path)));
        }

        return files;
    }

    private static string Histogram(ClockSeries clock, string dir, string recording)
    {
        double[] latencies = clock.RanLatenciesUs();
        var plot = NewPlot($"{clock.Name}: compute latency ({latencies.Length} ticks that ran)", "latency (us)", "ticks");
        double budget = clock.LastBudgetUs;
        double top = Math.Max(budget, latencies.Length == 0 ? 1 : latencies.Max()) * 1.05;
        if (latencies.Length > 0)
        {
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(80, 0, top);
            histogram.AddRange(latencies);
            plot.Add.Histogram(histogram);
        }

        VerticalLine line = plot.Add.VerticalLine(budget, 2, Colors.Red, LinePattern.Dashed);
        line.LegendText = $"budget {Us(budget)} us";
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, dir, recording, $"{clock.Name}-latency-histogram.png");
    }

    private static string LatencyOverTime(ClockSeries clock, string dir, string recording)
    {
        var plot = NewPlot($"{clock.Name}: compute latency per tick", "run time (s)", "latency (us)");
        Scatter points = plot.Add.ScatterPoints(clock.TimeS.ToArray(), clock.LatencyUs.ToArray());
        points.MarkerSize = 3;
        points.LegendText = "latency";
        Scatter budget = plot.Add.ScatterLine(clock.TimeS.ToArray(), clock.BudgetUs.ToArray(), Colors.Red);
        budget.LinePattern = LinePattern.Dashed;
        budget.LineWidth = 2;
        budget.LegendText = "budget";
        plot.Axes.SetLimitsY(0, Math.Max(clock.LastBudgetUs, clock.LatencyUs.DefaultIfEmpty(0).Max()) * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, dir, recording, $"{clock.Name}-latency.png");
    }

    private static string Misses(ClockSeries clock, RecordingData data, string dir, string recording)
    {
        string what = clock.IsActionClock ? "deadline misses" : "skipped triggers";
        var plot = NewPlot($"{clock.Name}: cumulative {what}: {clock.Misses} of {clock.Ticks} ticks", "run time (s)", "count so far");
        double top = Cumulative(plot, clock.TimeS, clock.Missed.Select(m => m ? 1 : 0).ToList(), clock.IsActionClock ? "ticks missed (miss/dropped)" : "skipped");
        if (clock.IsActionClock)
        {
            // Fallbacks include those the watchdog sent for periods the fast thread skipped (no tick record).
            top = Math.Max(top, Cumulative(plot, data.FallbackTimesS, data.FallbackTimesS.Select(_ => 1).ToList(), "fallback actions sent (hold/safe)"));
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.1);
        return Save(plot, dir, recording, $"{clock.Name}-misses.png");
    }

    private static double Cumulative(Plot plot, IReadOnlyList<double> times, IReadOnlyList<int> increments, string label)
    {
        if (times.Count == 0)
        {
            return 0;
        }

        double[] sums = new double[times.Count];
        double n = 0;
        for (int i = 0; i < sums.Length; i++)
        {
            n += increments[i];
            sums[i] = n;
        }

        Scatter line = plot.Add.ScatterLine(times.ToArray(), sums);
        line.LegendText = label;
        return n;
    }

    private static string LatentAge(ClockSeries clock, double? limitMs, string dir, string recording)
    {
        var plot = NewPlot($"{clock.Name}: age of the latent read at each tick", "run time (s)", "latent age (ms)");
        double[] xs = clock.TimeS.Where((_, i) => clock.LatentAgeMs[i] >= 0).ToArray();
        double[] ys = clock.LatentAgeMs.Where(a => a >= 0).ToArray();
        if (xs.Length > 0)
        {
            Scatter age = plot.Add.ScatterLine(xs, ys);
            age.LegendText = "latent age";
        }

        if (limitMs is double limit)
        {
            HorizontalLine line = plot.Add.HorizontalLine(limit, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"age limit {Us(limit)} ms";
        }

        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, dir, recording, $"{clock.Name}-latent-age.png");
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static string Save(Plot plot, string dir, string recording, string name)
    {
        using OutputFile output = OutputFile.Reserve(System.IO.Path.Combine(dir, name), [recording], ReportOutput.Option);
        plot.SavePng(output.WritePath, Width, Height);
        output.Commit();
        return name;
    }

    private static string Us(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
