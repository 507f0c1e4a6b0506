using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench logs [--json] [--repeat N]</c>: read throughput of MCAP (zstd, lz4, none) and ULog.</summary>
internal static class LogsBenchCommand
{
    public static int Execute(LogsBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        int repeat = a.Repeat ?? 5;
        string ulog = DefaultPaths.Resolve(Path.Combine("tests", "data", "px4-ulog-pyulog", "sample.ulg"));
        if (!File.Exists(ulog))
        {
            throw new UserInputException($"multirate bench logs: {ulog}: the PX4 sample log is missing");
        }

        if (!a.Json)
        {
            console.WriteLine($"Converting {ulog} to MCAP (zstd, lz4, none) and reading each {repeat} times, interleaved...");
        }

        DirectoryInfo work = Directory.CreateTempSubdirectory("multirate-bench-logs-");
        IReadOnlyList<LogsBenchResult> results;
        try
        {
            results = LogsBench.Run(ulog, repeat, work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        if (a.Json)
        {
            var array = new JsonArray();
            foreach (LogsBenchResult r in results)
            {
                array.Add(new JsonObject
                {
                    ["format"] = r.Format,
                    ["bytes"] = r.Bytes,
                    ["messages"] = r.Messages,
                    ["mb_per_s_p50"] = Json.Round(r.DecodeMBps, 1),
                    ["msgs_per_s_p50"] = Math.Round(r.DecodeMsgsPerSecond),
                    ["scan_mb_per_s_p50"] = Json.Round(r.ScanMBps, 1),
                    ["scan_msgs_per_s_p50"] = Math.Round(r.ScanMsgsPerSecond),
                    ["runs"] = r.DecodeSeconds.Length,
                });
            }

            Json.Write(stdout, new JsonObject
            {
                ["machine"] = Machine(),
                ["content"] = LogsBench.Content,
                ["method"] = LogsBench.Method,
                ["results"] = array,
            });
            return 0;
        }

        var table = new Table().AddColumns("format", "bytes", "messages", "decode MB/s", "decode msg/s", "scan MB/s", "scan msg/s");
        foreach (LogsBenchResult r in results)
        {
            table.AddRow(r.Format, N(r.Bytes), N(r.Messages), F(r.DecodeMBps), N((long)r.DecodeMsgsPerSecond), F(r.ScanMBps), N((long)r.ScanMsgsPerSecond));
        }

        console.Write(table);
        console.WriteLine($"medians of {repeat} interleaved runs on {Machine()["cpu"]}, {Environment.ProcessorCount} cores");
        console.WriteLine("MCAP content: " + LogsBench.Content);
        return 0;
    }

    private static JsonObject Machine() => new()
    {
        ["cpu"] = CpuModel(),
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
    };

    private static string CpuModel()
    {
        try
        {
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
