using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using MultiRate.Logs.DataFlash;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Ros1Bag;
using MultiRate.Logs.Ros2Bag;
using MultiRate.Logs.ULog;

namespace MultiRate.Logs;

/// <summary>Opens any supported sensor log, choosing the reader from the file's magic bytes (or, for CSV, its extension).</summary>
public static class SensorLogs
{
    /// <summary>Opens <paramref name="path"/> as MCAP, PX4 ULog, a ROS 2 bag or CSV.</summary>
    /// <exception cref="UserInputException">The file is missing or its format is not supported.</exception>
    /// <exception cref="LogFormatException">The file is damaged.</exception>
    public static ISensorLog Open(string path, bool allowTruncated = false) =>
        Open(path, new SensorLogOptions { AllowTruncated = allowTruncated });

    /// <summary>Opens <paramref name="path"/> (a file, or a ROS 2 bag folder) with <paramref name="options"/>.</summary>
    /// <exception cref="UserInputException">The file is missing or its format is not supported.</exception>
    /// <exception cref="LogFormatException">The file is damaged.</exception>
    public static ISensorLog Open(string path, SensorLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        bool allowTruncated = options.AllowTruncated;
        if (Directory.Exists(path))
        {
            // A folder is a ROS 2 bag (as 'ros2 bag' takes it), or an error saying what was expected.
            RefuseCsvOptions(path, options, "a ROS 2 bag folder");
            return Ros2BagSensorLog.Open(path, options);
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: log file not found");
        }

        // Before anything opens it: a FIFO would block the open, a device would never end.
        MultiRate.Core.IO.InputFiles.CheckRegular(path, "log", MultiRate.Core.IO.InputFiles.LogCapBytes);
        if (Ros2BagOpener.IsBag(path))
        {
            RefuseCsvOptions(path, options, "a ROS 2 bag");
            return Ros2BagSensorLog.Open(path, options);
        }

        Span<byte> magic = stackalloc byte[13];
        int read;
        using (FileStream fs = File.OpenRead(path))
        {
            read = fs.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }

        if (read >= 5 && magic[0] == 0x89 && magic[1] == (byte)'M' && magic[2] == (byte)'C' && magic[3] == (byte)'A' && magic[4] == (byte)'P')
        {
            RefuseCsvOptions(path, options, "an MCAP file");
            return OpenMcap(path, allowTruncated);
        }

        if (read >= 4 && magic[0] == (byte)'U' && magic[1] == (byte)'L' && magic[2] == (byte)'o' && magic[3] == (byte)'g')
        {
            RefuseCsvOptions(path, options, "a PX4 ULog");
            return ULogSensorLog.Open(path, new ULogReaderOptions { AllowTruncated = allowTruncated });
        }

        if (read >= 13 && magic.SequenceEqual("#ROSBAG V2.0\n"u8))
        {
            RefuseCsvOptions(path, options, "a ROS 1 bag");
            return Ros1BagSensorLog.Open(path, allowTruncated);
        }

        if (read >= 2 && magic[0] == 0xA3 && magic[1] == 0x95)
        {
            RefuseCsvOptions(path, options, "an ArduPilot DataFlash log");
            return DataFlashSensorLog.Open(path, allowTruncated);
        }

        if (Ros2BagOpener.IsSqlite(magic[..read]))
        {
            RefuseCsvOptions(path, options, "a ROS 2 bag");
            return Ros2BagSensorLog.Open(path, options);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvSensorLog.Open(path, new CsvLogOptions { TimeColumn = options.TimeColumn, TimeUnit = options.TimeUnit });
        }

        throw new UserInputException($"{path}: not a supported log: expected MCAP (magic 0x89 'MCAP'), PX4 ULog (magic 'ULog'), a ROS 1 bag ('#ROSBAG V2.0'), an ArduPilot DataFlash log (0xA3 0x95), a ROS 2 bag (a folder with metadata.yaml, its metadata.yaml, or a .db3) or a .csv file with a header row");
    }

    private static ISensorLog OpenMcap(string path, bool allowTruncated) =>
        McapSensorLog.Open(path, [new CdrMcapDecoder(path)], new McapReaderOptions { AllowTruncated = allowTruncated });

    /// <summary>A CSV-only option given for another format is a mistake worth saying, not something to ignore.</summary>
    private static void RefuseCsvOptions(string path, SensorLogOptions options, string what)
    {
        if (options.HasCsvOptions)
        {
            throw new UserInputException($"{path}: the time column and time unit options apply to CSV logs only, and this is {what}");
        }
    }
}
