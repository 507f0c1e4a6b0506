using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>A PX4 ULog file as an <see cref="ISensorLog"/>: topics <c>name/multi_id</c>, encoding <c>ulog</c>, schema = format name.</summary>
/// <remarks>Streaming and not thread-safe, like <see cref="ULogFile"/>.</remarks>
public sealed class ULogSensorLog : ISensorLog
{
    /// <summary>Wraps an open ULog file; disposing this disposes it.</summary>
    public ULogSensorLog(ULogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
    }

    /// <summary>The underlying file, for ULog-specific data (info, parameters, log strings, dropouts).</summary>
    public ULogFile File { get; }

    /// <inheritdoc/>
    public string Format => "ulog";

    /// <inheritdoc/>
    public string Path => File.Path ?? "<stream>";

    /// <inheritdoc/>
    public IReadOnlyList<LogTopicInfo> Topics => File.Topics;

    /// <summary>Opens a ULog file.</summary>
    /// <exception cref="LogFormatException">The file is missing, not a ULog file, or corrupt.</exception>
    public static ULogSensorLog Open(string path, ULogReaderOptions? options = null) => new(ULogFile.Open(path, options));

    /// <inheritdoc/>
    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null) =>
        File.ReadMessages(topics, startNs, endNs);

    /// <inheritdoc/>
    public LogCoverage? Coverage => File.Coverage;

    /// <inheritdoc/>
    public void Dispose() => File.Dispose();
}
