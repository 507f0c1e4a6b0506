using ScottPlot;
using ScottPlot.Plottables;

namespace MultiRate.Cli.Reporting;

/// <summary>Marks the report's plots share: series drawn by <see cref="PlotScale"/>'s rules, off-scale markers, fixed axes.</summary>
internal static class PlotMarks
{
    /// <summary>
    /// Adds a series: a line (many points) or labelled points (a handful, <see cref="PlotScale.Handful"/>),
    /// each label the point's value formatted by <paramref name="label"/>.
    /// </summary>
    public static void Series(Plot plot, double[] xs, double[] ys, string legend, Func<double, string> label, bool line)
    {
        if (xs.Length == 0)
        {
            return;
        }

        if (xs.Length <= PlotScale.Handful)
        {
            Scatter points = plot.Add.ScatterPoints(xs, ys);
            points.MarkerSize = 9;
            points.LegendText = legend;
            for (int i = 0; i < xs.Length; i++)
            {
                Text text = plot.Add.Text(label(ys[i]), xs[i], ys[i]);
                text.LabelFontSize = 12;
                text.LabelAlignment = Alignment.LowerCenter;
                text.OffsetY = -6;
            }

            return;
        }

        Scatter many = line ? plot.Add.ScatterLine(xs, ys) : plot.Add.ScatterPoints(xs, ys);
        if (!line)
        {
            many.MarkerSize = 3;
        }

        many.LegendText = legend;
    }

    /// <summary>
    /// The marker for a value off the value axis: an annotation at the edge the value lies beyond, its arrow
    /// pointing off the axis. <paramref name="second"/> places a second marker on the same edge below the first.
    /// </summary>
    public static Annotation OffScale(Plot plot, string text, bool rightEdge, bool second = false)
    {
        Annotation note = plot.Add.Annotation(text, rightEdge ? (second ? Alignment.MiddleRight : Alignment.UpperRight) : Alignment.UpperCenter);
        note.OffsetY = !rightEdge && second ? 40 : 0;
        note.LabelFontColor = Colors.Red;
        note.LabelFontSize = 14;
        return note;
    }

    /// <summary>Fixes the time axis to the data's span (a single point gets a second around it).</summary>
    public static void TimeAxis(Plot plot, IReadOnlyCollection<double> times)
    {
        double min = times.Count == 0 ? 0 : times.Min();
        double max = times.Count == 0 ? 1 : times.Max();
        double pad = max > min ? (max - min) * 0.05 : 0.5;
        plot.Axes.SetLimitsX(min - pad, max + pad);
    }
}
