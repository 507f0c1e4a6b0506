using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using ZstdSharp;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>Finds a bag's metadata and member files from the path a user gives and opens them.</summary>
internal static class Ros2BagOpener
{
    /// <summary>The file rosbag2 writes into every bag folder.</summary>
    public const string MetadataFile = "metadata.yaml";

    /// <summary>True when <paramref name="path"/> names a bag folder, a bag's metadata.yaml or a .db3 file.</summary>
    public static bool IsBag(string path) =>
        Directory.Exists(path)
        || (File.Exists(path) && (System.IO.Path.GetFileName(path) == MetadataFile || path.EndsWith(".db3", StringComparison.OrdinalIgnoreCase)));

    /// <summary>True for a file that starts with the SQLite header (a .db3 under another name).</summary>
    public static bool IsSqlite(ReadOnlySpan<byte> magic) => magic.StartsWith("SQLite f"u8);

    public static Ros2BagSensorLog Open(string path, SensorLogOptions options)
    {
        string? metadataPath;
        IReadOnlyList<string>? only = null;
        if (Directory.Exists(path))
        {
            metadataPath = System.IO.Path.Combine(path, MetadataFile);
            if (!File.Exists(metadataPath))
            {
                throw new UserInputException($"{path}: a folder, but not a ROS 2 bag: expected a bag folder with metadata.yaml (as 'ros2 bag record' writes it), or a log file (.mcap, .ulg, .db3, .csv)");
            }
        }
        else if (System.IO.Path.GetFileName(path) == MetadataFile)
        {
            metadataPath = path;
        }
        else
        {
            // A single .db3: use the metadata beside it only when it lists this file.
            string beside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, MetadataFile);
            metadataPath = File.Exists(beside) && Ros2BagMetadata.Load(beside).RelativeFilePaths.Any(f => System.IO.Path.GetFileName(f) == System.IO.Path.GetFileName(path)) ? beside : null;
            only = [path];
        }

        Ros2BagMetadata? metadata = metadataPath is null ? null : Ros2BagMetadata.Load(metadataPath);
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(metadataPath ?? path))!;
        IReadOnlyList<string> files = only ?? [.. metadata!.RelativeFilePaths.Select(f => Member(metadata, folder, f))];
        Ros2MsgLibrary.CheckFolders(options.MessagePaths);
        var decoders = new Ros2BagDecoders(new Ros2MsgLibrary(options.MessagePaths), metadata?.MessageCompressed ?? false);
        var temporary = new List<string>();
        var members = new List<IRos2BagMember>();
        bool mcap = false;
        try
        {
            foreach (string file in files)
            {
                // Each member is an input like the bag: a FIFO would block sqlite's open for ever.
                MultiRate.Core.IO.InputFiles.CheckRegular(file, "bag member", MultiRate.Core.IO.InputFiles.LogCapBytes);
                bool compressed = metadata?.FileCompressed == true && file.EndsWith(".zstd", StringComparison.OrdinalIgnoreCase);
                string storage = compressed ? file[..^5] : file;
                string readable = compressed ? Decompress(file, temporary) : file;
                bool isMcap = metadata?.StorageIdentifier == "mcap" || storage.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase);
                mcap |= isMcap;
                members.Add(isMcap
                    ? new Ros2McapMember(McapSensorLog.Open(readable, [new Ros2BagMcapDecoder(file, decoders, metadata?.TopicTypes ?? new Dictionary<string, string>())], new McapReaderOptions { AllowTruncated = options.AllowTruncated }))
                    : new Ros2Db3Member(Ros2Db3File.Open(readable), decoders, options.AllowTruncated));
            }
        }
        catch
        {
            new Ros2BagSensorLog(path, string.Empty, [], temporary).Dispose();
            throw;
        }

        return new Ros2BagSensorLog(path, mcap ? "ros2-mcap" : "ros2-sqlite3", members, temporary);
    }

    private static string Member(Ros2BagMetadata metadata, string folder, string relative)
    {
        string file = System.IO.Path.Combine(folder, relative);
        if (File.Exists(file))
        {
            return file;
        }

        // Early rosbag2 releases wrote the paths with the bag folder's name in front.
        string parent = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(folder) ?? folder, relative);
        return File.Exists(parent)
            ? parent
            : throw new LogFormatException(metadata.Path, -1, "metadata.yaml relative_file_paths", $"member file '{relative}' in {folder}, but it is not there");
    }

    /// <summary>
    /// The most a zstd member may expand to on disk: 100 times its size, at least 1 GiB, at most the log cap.
    /// rosbag2 members compress a few times at most; a small member claiming terabytes is a bomb that would
    /// fill the temporary directory's disk.
    /// </summary>
    internal static long MaxDecompressedBytes(long compressedBytes) =>
        Math.Clamp(compressedBytes > long.MaxValue / 100 ? long.MaxValue : compressedBytes * 100, 1L << 30, MultiRate.Core.IO.InputFiles.LogCapBytes);

    internal static void CopyBounded(Stream from, Stream to, string file, long maxBytes)
    {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = from.Read(buffer)) > 0)
        {
            total += n;
            if (total > maxBytes)
            {
                throw new LogFormatException(file, -1, "zstd member file", $"a member that decompresses to at most {maxBytes} bytes (100 times its size, at least 1 GiB), but it expands further; is it a decompression bomb?");
            }

            to.Write(buffer, 0, n);
        }
    }

    private static string Decompress(string file, List<string> temporary)
    {
        string copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"multirate-bag-{Guid.NewGuid():N}-{System.IO.Path.GetFileName(file)[..^5]}");
        temporary.Add(copy);
        try
        {
            using FileStream input = File.OpenRead(file);
            using var zstd = new DecompressionStream(input);
            using FileStream output = File.Create(copy);
            CopyBounded(zstd, output, file, MaxDecompressedBytes(input.Length));
        }
        catch (Exception ex) when (ex is ZstdException or IOException or InvalidDataException)
        {
            throw new LogFormatException(file, -1, "zstd member file", $"a zstd-compressed file (compression_mode FILE): {ex.Message}");
        }

        return copy;
    }
}
