using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Conversion;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.ULog;

namespace MultiRate.Bench.Logs;

/// <summary>
/// Measures log read throughput: the PX4 sample log as ULog, and the same messages re-encoded as
/// ROS 2 CDR in MCAP with zstd, lz4 and no compression, plus any field logs given (ROS 2 and ROS 1 bags,
/// DataFlash, CSV: each through its own reader). Runs are interleaved (each round reads
/// every input once) so that machine noise hits all inputs alike; medians are reported.
/// </summary>
public static class LogsBench
{
    /// <summary>What the MCAP inputs hold, for the output.</summary>
    public const string Content =
        "every message of tests/data/px4-ulog-pyulog/sample.ulg re-encoded as ROS 2 CDR (ros2msg schemas px4_msgs/msg/* generated from the ULog formats), "
        + "written by MultiRate's McapWriter with 1 MiB chunks, message indexes and a summary; zstd level 3, lz4 frame, or uncompressed";

    /// <summary>What is timed, for the output.</summary>
    public const string Method =
        "decode: SensorLogs.Open + ReadMessages over every message (MCAP: decompress, parse, CDR decode to JSON objects; ULog: parse, reorder, decode); "
        + "scan: MCAP McapStreamReader over every record (decompress + parse, no message decode), ULog the summary pass (records parsed, no decode). "
        + "field logs (ros2-*, ros1-bag, ardupilot-dataflash, csv): decode only, through the same SensorLogs.Open + ReadMessages; they are small shipped test logs, so open cost weighs more in their figures. "
        + "MB/s = file bytes / 1e6 / median seconds; one warm-up round, then N interleaved rounds";

    /// <summary>Converts the ULog to the three MCAP inputs under <paramref name="workDir"/> and reads every input <paramref name="repeat"/> times, interleaved.</summary>
    /// <param name="ulogPath">The PX4 sample log.</param>
    /// <param name="repeat">Timed rounds (after one warm-up round).</param>
    /// <param name="workDir">A folder for the converted inputs (the caller deletes it).</param>
    /// <returns>One result per input.</returns>
    public static IReadOnlyList<LogsBenchResult> Run(string ulogPath, int repeat, string workDir) => Run(ulogPath, repeat, workDir, []);

    /// <summary>As <see cref="Run(string, int, string)"/>, plus <paramref name="fieldLogs"/> (decode only), each named by its reader's format.</summary>
    /// <param name="ulogPath">The PX4 sample log.</param>
    /// <param name="repeat">Timed rounds (after one warm-up round).</param>
    /// <param name="workDir">A folder for the converted inputs (the caller deletes it).</param>
    /// <param name="fieldLogs">Logs (files or ROS 2 bag folders) to read as they are.</param>
    /// <returns>One result per input.</returns>
    public static IReadOnlyList<LogsBenchResult> Run(string ulogPath, int repeat, string workDir, IReadOnlyList<string> fieldLogs)
    {
        ArgumentNullException.ThrowIfNull(fieldLogs);
        var inputs = new List<(string Format, string Path)>
        {
            ("mcap-zstd", Convert(ulogPath, workDir, McapCompression.Zstd)),
            ("mcap-lz4", Convert(ulogPath, workDir, McapCompression.Lz4)),
            ("mcap-none", Convert(ulogPath, workDir, McapCompression.None)),
            ("ulog", ulogPath),
        };
        int scannable = inputs.Count; // the MCAP and ULog inputs have a raw record scan; field logs are decoded only
        inputs.AddRange(fieldLogs.Select(path => (FormatOf(path), path)));
        var decode = inputs.Select(_ => new double[repeat]).ToArray();
        var scan = inputs.Select(_ => new double[repeat]).ToArray();
        long[] messages = new long[inputs.Count];
        for (int round = -1; round < repeat; round++)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                (double d, long count) = Time(() => Decode(inputs[i].Path));
                (double s, long scanned) = i < scannable ? Time(() => inputs[i].Format == "ulog" ? ScanULog(inputs[i].Path) : ScanMcap(inputs[i].Path)) : (0, count);
                if (scanned != count)
                {
                    throw new InvalidOperationException($"{inputs[i].Format}: scan saw {scanned} messages, decode {count}");
                }

                messages[i] = count;
                if (round >= 0)
                {
                    decode[i][round] = d;
                    scan[i][round] = s;
                }
            }
        }

        return [.. inputs.Select((input, i) => new LogsBenchResult(input.Format, SizeOf(input.Path), messages[i], decode[i], i < scannable ? scan[i] : null))];
    }

    private static string FormatOf(string path)
    {
        using ISensorLog log = SensorLogs.Open(path);
        return log.Format;
    }

    private static long SizeOf(string path) => Directory.Exists(path)
        ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length)
        : new FileInfo(path).Length;

    private static string Convert(string ulogPath, string workDir, McapCompression compression)
    {
        string path = System.IO.Path.Combine(workDir, $"sample-{compression.ToString().ToLowerInvariant()}.mcap");
        using FileStream output = File.Create(path);
        ULogToMcap.Convert(ulogPath, output, new McapWriterOptions { Compression = compression });
        return path;
    }

    private static (double Seconds, long Count) Time(Func<long> work)
    {
        long start = Stopwatch.GetTimestamp();
        long count = work();
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, count);
    }

    private static long Decode(string path)
    {
        using ISensorLog log = SensorLogs.Open(path);
        long count = 0;
        foreach (LogMessage _ in log.ReadMessages())
        {
            count++;
        }

        return count;
    }

    private static long ScanMcap(string path)
    {
        using FileStream file = File.OpenRead(path);
        long count = 0;
        foreach (McapRecord record in new McapStreamReader(file, path).ReadRecords())
        {
            if (record is McapMessage)
            {
                count++;
            }
        }

        return count;
    }

    private static long ScanULog(string path)
    {
        using ULogFile file = ULogFile.Open(path);
        return file.Topics.Sum(t => t.Count);
    }

    /// <summary>The report (the <c>bench logs --json</c> document).</summary>
    /// <param name="results">What <see cref="Run(string, int, string, IReadOnlyList{string})"/> returned.</param>
    /// <returns>The JSON report.</returns>
    public static JsonObject ToJson(IReadOnlyList<LogsBenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var array = new JsonArray();
        foreach (LogsBenchResult r in results)
        {
            array.Add(new JsonObject
            {
                ["format"] = r.Format,
                ["bytes"] = r.Bytes,
                ["messages"] = r.Messages,
                ["mb_per_s_p50"] = BenchJson.Round(r.DecodeMBps, 1),
                ["msgs_per_s_p50"] = Math.Round(r.DecodeMsgsPerSecond),
                ["scan_mb_per_s_p50"] = r.ScanMBps is double mb ? BenchJson.Round(mb, 1) : null,
                ["scan_msgs_per_s_p50"] = r.ScanMsgsPerSecond is double n ? Math.Round(n) : null,
                ["runs"] = r.DecodeSeconds.Length,
            });
        }

        return new JsonObject
        {
            ["machine"] = Machine(),
            ["content"] = Content,
            ["method"] = Method,
            ["results"] = array,
        };
    }

    /// <summary>The machine the figures were taken on: CPU model, cores, OS and .NET runtime.</summary>
    /// <returns>The machine's description.</returns>
    public static JsonObject Machine() => new()
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
}
