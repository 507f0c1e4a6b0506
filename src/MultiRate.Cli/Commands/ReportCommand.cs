using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Cli.Reporting;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate report &lt;recording.mcap&gt; [--out DIR]</c>: PNG plots (latency histogram and
/// latency over time against the budget, misses over time, latent age) and a <c>summary.md</c>
/// linking them, from a <c>--record</c> file.
/// </summary>
internal static class ReportCommand
{
    public static int Execute(ReportArgs a, TextWriter stdout)
    {
        string path = a.Path;
        string dir = a.Out ?? Path.ChangeExtension(path, null) + "-report";
        RecordingData data = RecordingLoader.Load(path);
        CreateDirectory(dir);

        var plots = new List<(string Caption, string File)>();
        foreach (ClockSeries clock in data.Clocks)
        {
            plots.AddRange(ReportPlots.Write(clock, data, dir));
        }

        string summary = Path.Combine(dir, "summary.md");
        ReportOutput.WriteText(summary, ReportMarkdown.Build(data, plots), path);
        foreach ((_, string file) in plots)
        {
            stdout.WriteLine(Path.Combine(dir, file));
        }

        stdout.WriteLine(summary);
        return 0;
    }

    private static void CreateDirectory(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"multirate report: --out '{dir}': cannot create the directory: {ex.Message} (expected a writable directory path)", ex);
        }
    }
}
