using System.Globalization;
using MultiRate.Bench.Models;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>The scale benches as tables (<c>bench models</c> without <c>--json</c>).</summary>
internal static class ScaleTables
{
    public static void Write(ScaleReport r, IAnsiConsole console)
    {
        var scales = new Table { Title = new TableTitle("the headline at several scales (same parameters, dense vs multirate)") }
            .AddColumns("scale", "head on", "context params", "head params", "dense max Hz", "multirate max Hz", "rate ratio");
        foreach (ScaleRow s in r.Scales)
        {
            scales.AddRow(s.Name, Markup.Escape(s.Device), N(s.ContextParams), N(s.HeadParams), F(s.DenseMaxHz), F(s.MultirateMaxHz), F(s.RateRatio) + "x");
        }

        console.Write(scales);
        var widths = new Table { Title = new TableTitle("head latency by width and device") }.AddColumns("device", "width", "params", "p50 us", "p99 us");
        foreach (WidthRow w in r.HeadByWidth)
        {
            widths.AddRow(Markup.Escape(w.Device), w.Width.ToString(CultureInfo.InvariantCulture), N(w.Parameters), F(w.Latency.P50Us), F(w.Latency.P99Us));
        }

        console.Write(widths);
        console.WriteLine(r.CrossoverWidth is int c ? $"CPU/GPU crossover: the GPU is faster from width {c}" : "CPU/GPU crossover: no GPU measured");
        Interference i = r.Interference;
        console.WriteLine($"interference: head p99 {F(i.HeadP99AloneUs)} us alone, {F(i.HeadP99WithContextUs)} us with the context at {F(i.ContextRateHz)} Hz on {i.ContextDevice} (ratio {i.Ratio.ToString("0.00", CultureInfo.InvariantCulture)})");
        console.WriteLine(r.Method);
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
