using System.Globalization;
using MultiRate.Bench.Models;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench models [--json] [--quick]</c>: head latency vs width and experts, context time per step vs d_model, and the dense-vs-multirate headline.</summary>
internal static class ModelsBenchCommand
{
    public static int Execute(ModelsBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        bool quick = a.Quick;
        ScaleBenchmarkOptions scaleOptions = ScaleOptions.For(a);
        var options = quick
            ? new ModelBenchmarkOptions { HeadSamples = 300, ContextSamples = 8, WarmUp = 50 }
            : new ModelBenchmarkOptions();
        if (!a.Json)
        {
            // The sample counts, not a time estimate: how long they take depends on the machine.
            console.WriteLine(FormattableString.Invariant($"Measuring models{(quick ? " (quick)" : string.Empty)}: {options.WarmUp} warm-up + {options.HeadSamples} timed head calls and {options.ContextSamples} context updates per point, then the scales..."));
        }

        ModelBenchmarkReport r = ModelBenchmarks.Run(options);
        ScaleReport scales = ScaleReport.Run(scaleOptions);
        DenseVsMultirate h = r.Headline;
        if (a.Json)
        {
            Json.Write(stdout, r.ToJson(scales));
            return 0;
        }

        Table("head latency vs hidden width", r.HeadByWidth, console);
        Table("MoE head (top-1) vs experts", r.HeadByExperts, console);
        Table("context time per recursion step vs d_model", r.ContextByDModel, console);
        var t = new Table().AddColumns("same parameters", "p50 us", "p99 us", "max sustained Hz");
        t.AddRow($"dense single-rate (whole model every tick, {h.Parameters:N0} params)", F(h.DenseTick.P50Us), F(h.DenseTick.P99Us), F(h.DenseMaxRateHz));
        t.AddRow("MultiRate fast head (context amortised on its own thread)", F(h.HeadTick.P50Us), F(h.HeadTick.P99Us), F(h.MultirateMaxRateHz));
        t.AddRow("MultiRate slow context update", F(h.ContextUpdate.P50Us), F(h.ContextUpdate.P99Us), F(h.ContextMaxRateHz));
        console.Write(t);
        console.WriteLine($"rate ratio (multirate / dense): {(h.MultirateMaxRateHz / h.DenseMaxRateHz).ToString("0.0", CultureInfo.InvariantCulture)}x");
        console.WriteLine(r.Method);
        ScaleTables.Write(scales, console);
        return 0;
    }

    private static void Table(string title, IReadOnlyList<BenchmarkPoint> points, IAnsiConsole console)
    {
        var t = new Table { Title = new TableTitle(title) }.AddColumns("config", "params", "p50 us", "p99 us", "max us", "samples");
        foreach (BenchmarkPoint p in points)
        {
            t.AddRow(Markup.Escape(p.Label), p.Parameters.ToString("N0", CultureInfo.InvariantCulture), F(p.Latency.P50Us), F(p.Latency.P99Us), F(p.Latency.MaxUs), p.Latency.Samples.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(t);
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
