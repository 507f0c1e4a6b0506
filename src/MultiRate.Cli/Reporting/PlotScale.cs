using System.Globalization;

namespace MultiRate.Cli.Reporting;

/// <summary>
/// The report's axis rules: a value axis fits the data, not the budget. A budget or limit within
/// <see cref="ReferenceReach"/> times the data's top is drawn as a line on the axis; one further off
/// would squash the data into a sliver (a 500 us budget against 0-60 us latencies), so it becomes a
/// marker at the axis' edge that names it. A series of at most <see cref="Handful"/> points (a slow clock's
/// ticks) is drawn as labelled points, not a line or a histogram no one can read.
/// </summary>
internal static class PlotScale
{
    /// <summary>Headroom above the top value (10%).</summary>
    public const double Headroom = 1.1;

    /// <summary>A reference up to this many times the data's top is drawn on the axis.</summary>
    public const double ReferenceReach = 2.0;

    /// <summary>Series of at most this many points are drawn as labelled points.</summary>
    public const int Handful = 20;

    /// <summary>From this many values on, the axis may stop at the 99th percentile (see <see cref="Fit"/>).</summary>
    public const int OutlierSample = 500;

    /// <summary>
    /// Fits an axis from 0 to <paramref name="values"/>' top, and places <paramref name="reference"/> (null: none).
    /// With at least <see cref="OutlierSample"/> values whose largest is more than <see cref="ReferenceReach"/>
    /// times their 99th percentile (a first tick that paid for the JIT, a few preempted ones), the axis stops at that percentile and
    /// the values above it are counted in <see cref="AxisFit.Beyond"/>, to be marked at the edge like a far budget.
    /// </summary>
    public static AxisFit Fit(IEnumerable<double> values, double? reference)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] finite = [.. values.Where(double.IsFinite)];
        double max = finite.Length == 0 ? 0 : Math.Max(0, finite.Max());
        double top = max;
        if (finite.Length >= OutlierSample && Percentile.Of(finite, 99) is double p && p > 0 && max > p * ReferenceReach)
        {
            top = p;
        }

        (double axis, ReferenceMark mark) = reference is not double r || !double.IsFinite(r) || r <= 0
            ? (top > 0 ? top * Headroom : 1, ReferenceMark.None)

            // No data above 0 (nothing ran): the reference sets the scale, so the empty plot still says what it is against.
            : top <= 0 || r <= top * ReferenceReach
                ? (Math.Max(top, r) * Headroom, ReferenceMark.Line)
                : (top * Headroom, ReferenceMark.OffScale);
        int beyond = finite.Count(v => v > axis);
        return new AxisFit(axis, mark, beyond, beyond > 0 ? max : 0);
    }

    /// <summary>The marker's text for values above the axis (<c>3 ticks above, up to 43000 us</c>), or null when there are none.</summary>
    public static string? BeyondText(AxisFit fit, string unit, bool rightEdge)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.Beyond == 0)
        {
            return null;
        }

        string what = $"{fit.Beyond} tick{(fit.Beyond == 1 ? string.Empty : "s")} beyond, up to {Number(Math.Round(fit.BeyondMax))} {unit}";
        return rightEdge ? what + " →" : "↑ " + what;
    }

    /// <summary>The off-scale marker's text: an arrow pointing off the axis, then what and how much (<c>budget 500 us →</c>, <c>↑ age limit 250 ms</c>).</summary>
    public static string OffScaleText(string what, double value, string unit, bool rightEdge) =>
        rightEdge ? $"{what} {Number(value)} {unit} (off scale) →" : $"↑ {what} {Number(value)} {unit} (off scale)";

    /// <summary>A value as labels show it: at most 3 decimals, no trailing zeros.</summary>
    public static string Number(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
