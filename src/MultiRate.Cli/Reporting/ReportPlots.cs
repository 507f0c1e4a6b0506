using MultiRate.Core.Files;
using ScottPlot;

namespace MultiRate.Cli.Reporting;

/// <summary>
/// The report's PNG plots (ScottPlot 5, rendered headless by SkiaSharp; drawn by <see cref="ReportFigures"/>):
/// per clock a latency histogram and latency over time against the budget and the misses (or skipped
/// triggers) over time; for the action clock also the latent age over time against the age limit.
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
            ($"{clock.Name}: latency histogram", Save(ReportFigures.Histogram(clock), dir, data.Path, $"{clock.Name}-latency-histogram.png")),
            ($"{clock.Name}: latency over time", Save(ReportFigures.LatencyOverTime(clock), dir, data.Path, $"{clock.Name}-latency.png")),
            ($"{clock.Name}: {(clock.IsActionClock ? "misses and fallbacks" : "skipped triggers")} over time", Save(ReportFigures.Misses(clock, clock.IsActionClock ? data.FallbackTimesS : []), dir, data.Path, $"{clock.Name}-misses.png")),
        };
        if (clock.IsActionClock)
        {
            files.Add(($"{clock.Name}: latent age over time", Save(ReportFigures.LatentAge(clock, data.AgeLimitMs), dir, data.Path, $"{clock.Name}-latent-age.png")));
        }

        return files;
    }

    private static string Save(Plot plot, string dir, string recording, string name)
    {
        using OutputFile output = OutputFile.Reserve(System.IO.Path.Combine(dir, name), [recording], ReportOutput.Option);
        output.WriteAndCommit(path => plot.SavePng(path, Width, Height));
        return name;
    }
}
