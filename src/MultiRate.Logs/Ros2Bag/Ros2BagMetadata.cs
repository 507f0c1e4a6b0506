using MultiRate.Logs.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// What a rosbag2 <c>metadata.yaml</c> says that reading needs: storage, member files in order,
/// compression and each topic's type. Its counts and times are not used: some writers get them wrong.
/// </summary>
internal sealed class Ros2BagMetadata
{
    private const long MaxBytes = 16L << 20;

    /// <summary>Deepest nesting accepted; rosbag2 writes five levels.</summary>
    private const int MaxDepth = 64;

    private Ros2BagMetadata(string path, string storage, IReadOnlyList<string> files, string compressionFormat, string compressionMode, IReadOnlyDictionary<string, string> topicTypes)
    {
        Path = path;
        StorageIdentifier = storage;
        RelativeFilePaths = files;
        CompressionFormat = compressionFormat;
        CompressionMode = compressionMode;
        TopicTypes = topicTypes;
    }

    /// <summary>The metadata.yaml file.</summary>
    public string Path { get; }

    /// <summary><c>sqlite3</c>, <c>mcap</c> or empty (then each member's extension decides).</summary>
    public string StorageIdentifier { get; }

    /// <summary>Member files relative to the bag folder, in reading order.</summary>
    public IReadOnlyList<string> RelativeFilePaths { get; }

    /// <summary><c>zstd</c> or empty.</summary>
    public string CompressionFormat { get; }

    /// <summary><c>FILE</c>, <c>MESSAGE</c> or empty (upper case as rosbag2 writes it).</summary>
    public string CompressionMode { get; }

    /// <summary>Message type by topic name, from <c>topics_with_message_count</c>.</summary>
    public IReadOnlyDictionary<string, string> TopicTypes { get; }

    /// <summary>True when each member file is compressed as a whole.</summary>
    public bool FileCompressed => CompressionFormat.Length > 0 && CompressionMode.Equals("FILE", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when each message payload is compressed on its own.</summary>
    public bool MessageCompressed => CompressionFormat.Length > 0 && CompressionMode.Equals("MESSAGE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks a metadata.yaml file.</summary>
    /// <exception cref="LogFormatException">The file is not rosbag2 metadata, names an unsupported compression, or a key has the wrong shape.</exception>
    public static Ros2BagMetadata Load(string path)
    {
        // Checked as any input first: a FIFO named metadata.yaml would block the read for ever.
        MultiRate.Core.IO.InputFiles.CheckRegular(path, "bag metadata", long.MaxValue);
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new LogFormatException(path, -1, "metadata.yaml", $"at most {MaxBytes} bytes of bag metadata, but the file has {info.Length}");
        }

        var stream = new YamlStream();
        try
        {
            // YamlStream builds nodes recursively: deep nesting would overflow the stack (an abort, not
            // an error), so the parser's events are walked first, without recursion, and depth is capped.
            CheckDepth(path);
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new LogFormatException(path, -1, $"metadata.yaml line {ex.Start.Line}", $"valid YAML ({ex.Message})");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a position on some malformed input (an unterminated flow collection).
            throw new LogFormatException(path, -1, "metadata.yaml", "valid YAML (a malformed or unterminated structure: check brackets, braces, quotes and indentation)");
        }

        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || Child(root, "rosbag2_bagfile_information") is not YamlMappingNode bag)
        {
            throw new LogFormatException(path, -1, "metadata.yaml", "a 'rosbag2_bagfile_information' mapping at the top (rosbag2 bag metadata)");
        }

        string storage = Scalar(path, bag, "storage_identifier") ?? string.Empty;
        string format = Scalar(path, bag, "compression_format") ?? string.Empty;
        string mode = Scalar(path, bag, "compression_mode") ?? string.Empty;
        if (format.Length > 0 && !format.Equals("zstd", StringComparison.OrdinalIgnoreCase))
        {
            throw new LogFormatException(path, -1, "metadata.yaml compression_format", $"'zstd' or empty, not '{format}'");
        }

        if (format.Length > 0 && !mode.Equals("FILE", StringComparison.OrdinalIgnoreCase) && !mode.Equals("MESSAGE", StringComparison.OrdinalIgnoreCase))
        {
            throw new LogFormatException(path, -1, "metadata.yaml compression_mode", $"FILE or MESSAGE with compression_format '{format}', not '{mode}'");
        }

        var files = new List<string>();
        if (Child(root: bag, "relative_file_paths") is { } list)
        {
            if (list is not YamlSequenceNode sequence)
            {
                throw Shape(path, list, "relative_file_paths", "a list of file names");
            }

            foreach (YamlNode item in sequence)
            {
                files.Add(item is YamlScalarNode { Value: { Length: > 0 } name } ? name : throw Shape(path, item, "relative_file_paths", "a file name"));
            }
        }

        if (files.Count == 0)
        {
            throw new LogFormatException(path, -1, "metadata.yaml relative_file_paths", "at least one member file");
        }

        return new Ros2BagMetadata(path, storage, files, format, mode, TopicTypesOf(path, bag));
    }

    private static Dictionary<string, string> TopicTypesOf(string path, YamlMappingNode bag)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(bag, "topics_with_message_count") is not YamlSequenceNode topics)
        {
            return types;
        }

        foreach (YamlNode entry in topics)
        {
            if (entry is YamlMappingNode map && Child(map, "topic_metadata") is YamlMappingNode meta
                && Scalar(path, meta, "name") is { } name && Scalar(path, meta, "type") is { } type)
            {
                types[name] = type;
            }
        }

        return types;
    }

    private static YamlNode? Child(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string? Scalar(string path, YamlMappingNode map, string key) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlNode other => throw Shape(path, other, key, "a single value"),
    };

    private static LogFormatException Shape(string path, YamlNode node, string key, string expected) =>
        new(path, -1, $"metadata.yaml line {node.Start.Line} '{key}'", expected);

    private static void CheckDepth(string path)
    {
        using var reader = new StreamReader(path);
        var parser = new YamlDotNet.Core.Parser(reader);
        int depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new LogFormatException(path, -1, $"metadata.yaml line {parser.Current.Start.Line}", $"nesting at most {MaxDepth} levels deep (rosbag2 metadata has five)");
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
                case YamlDotNet.Core.Events.AnchorAlias:
                    // rosbag2 never writes aliases; a chain or cycle of them nests without brackets
                    // and overflows the stack when the nodes are hashed.
                    throw new LogFormatException(path, -1, $"metadata.yaml line {parser.Current.Start.Line}", "no YAML aliases (rosbag2 metadata has none)");
            }
        }
    }
}
