using System.Globalization;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Bench.Logs;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench logs [--json] [--repeat N]</c>: read throughput of MCAP (zstd, lz4, none), ULog and the shipped field logs (ROS 2 and ROS 1 bags, DataFlash, CSV).</summary>
internal static class LogsBenchCommand
{
    /// <summary>The shipped field logs, one per reader, read as they are (those present in the clone).</summary>
    private static readonly string[] FieldLogs =
    [
        "tests/data/ros2-db3-split-wbag/wbag",
        "tests/data/ros2-mcap-rewriter-b",
        "tests/data/ros1-bag-tf-lz4/tf_example.bag",
        "tests/data/ardupilot-bin-sub/small.BIN",
        "tests/data/csv-rostopic-imu/quadraped_imu_data.csv",
    ];

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
            console.WriteLine($"Converting {ulog} to MCAP (zstd, lz4, none) and reading each, and the shipped field logs, {repeat} times, interleaved...");
        }

        DirectoryInfo work = Directory.CreateTempSubdirectory("multirate-bench-logs-");
        IReadOnlyList<LogsBenchResult> results;
        try
        {
            string[] field = [.. FieldLogs.Select(DefaultPaths.Resolve).Where(p => File.Exists(p) || Directory.Exists(p))];
            results = LogsBench.Run(ulog, repeat, work.FullName, field);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        if (a.Json)
        {
            Json.Write(stdout, LogsBench.ToJson(results));
            return 0;
        }

        var table = new Table().AddColumns("format", "bytes", "messages", "decode MB/s", "decode msg/s", "scan MB/s", "scan msg/s");
        foreach (LogsBenchResult r in results)
        {
            table.AddRow(r.Format, N(r.Bytes), N(r.Messages), F(r.DecodeMBps), N((long)r.DecodeMsgsPerSecond), r.ScanMBps is double mb ? F(mb) : "-", r.ScanMsgsPerSecond is double n ? N((long)n) : "-");
        }

        console.Write(table);
        console.WriteLine($"medians of {repeat} interleaved runs on {LogsBench.Machine()["cpu"]}, {Environment.ProcessorCount} cores");
        console.WriteLine("MCAP content: " + LogsBench.Content);
        return 0;
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
