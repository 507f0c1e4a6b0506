using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// A rosbag2 bag (a bag folder, its <c>metadata.yaml</c>, or one <c>.db3</c> file) as one
/// <see cref="ISensorLog"/>: every member file in the order the metadata lists them.
/// </summary>
/// <remarks>
/// <para>Messages come file by file; within a sqlite3 file in log-time order (row order on ties),
/// within an MCAP file as <see cref="Mcap.McapSensorLog"/> reads it. Split bags hold consecutive
/// time slices, so this is log-time order apart from ties at the seams, and it is the order the
/// rosbag2 tools' file-by-file reading gives.</para>
/// <para>Topic counts and times come from the messages, never from metadata.yaml, whose summary some
/// writers get wrong. Decompressed copies of <c>compression_mode: FILE</c> members live in temporary
/// files until <see cref="Dispose"/>. Not thread-safe.</para>
/// </remarks>
public sealed class Ros2BagSensorLog : ISensorLog
{
    private readonly IReadOnlyList<IRos2BagMember> members;
    private readonly IReadOnlyList<string> temporaryFiles;
    private IReadOnlyList<LogTopicInfo>? topics;

    internal Ros2BagSensorLog(string path, string format, IReadOnlyList<IRos2BagMember> members, IReadOnlyList<string> temporaryFiles)
    {
        Path = path;
        Format = format;
        this.members = members;
        this.temporaryFiles = temporaryFiles;
    }

    /// <summary><c>ros2-sqlite3</c> or <c>ros2-mcap</c>, after the bag's storage.</summary>
    public string Format { get; }

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public IReadOnlyList<LogTopicInfo> Topics => topics ??= Merge(members);

    /// <inheritdoc />
    public LogCoverage? Coverage { get; private set; }

    /// <summary>Opens a bag folder, a <c>metadata.yaml</c> or a <c>.db3</c> file.</summary>
    /// <param name="path">The path.</param>
    /// <param name="options">Reader options (defaults when null).</param>
    /// <exception cref="MultiRate.Core.Errors.UserInputException">The path is not a bag.</exception>
    /// <exception cref="LogFormatException">The metadata or a member file is damaged.</exception>
    public static Ros2BagSensorLog Open(string path, SensorLogOptions? options = null) =>
        Ros2BagOpener.Open(path, options ?? new SensorLogOptions());

    /// <inheritdoc />
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        if (endNs < 0 || (startNs is not null && endNs is not null && startNs > endNs))
        {
            return [];
        }

        return ReadCore(topics, Math.Max(startNs ?? 0, 0), endNs ?? long.MaxValue);
    }

    /// <summary>Deletes the temporary decompressed copies of compressed member files.</summary>
    public void Dispose()
    {
        foreach (string file in temporaryFiles)
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A copy still held open is left for the system's temporary-file cleanup.
            }
        }
    }

    private static List<LogTopicInfo> Merge(IReadOnlyList<IRos2BagMember> members)
    {
        var merged = new Dictionary<string, LogTopicInfo>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (LogTopicInfo topic in members.SelectMany(m => m.Topics))
        {
            if (merged.TryGetValue(topic.Name, out LogTopicInfo? seen))
            {
                merged[topic.Name] = seen with
                {
                    Count = checked(seen.Count + topic.Count),
                    FirstNs = Math.Min(seen.FirstNs, topic.FirstNs),
                    LastNs = Math.Max(seen.LastNs, topic.LastNs),
                };
            }
            else
            {
                merged[topic.Name] = topic;
                order.Add(topic.Name);
            }
        }

        return [.. order.Select(n => merged[n])];
    }

    private IEnumerable<LogMessage> ReadCore(IReadOnlyCollection<string>? topicFilter, long start, long end)
    {
        var coverage = new LogCoverageTracker();
        foreach (IRos2BagMember member in members)
        {
            foreach (LogMessage message in member.Read(topicFilter, start, end, coverage))
            {
                yield return message;
            }

            if (coverage.Build().Damaged)
            {
                break;
            }
        }

        Coverage = coverage.Build();
    }
}
