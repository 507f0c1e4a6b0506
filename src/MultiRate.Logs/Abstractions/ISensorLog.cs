namespace MultiRate.Logs.Abstractions;

/// <summary>
/// A sensor log opened for reading, whatever its format: MCAP, PX4 ULog or CSV.
/// </summary>
/// <remarks>
/// Reading streams the file: memory stays bounded by the largest record, not the file size.
/// Errors are <see cref="LogFormatException"/>s. Not thread-safe.
/// </remarks>
public interface ISensorLog : IDisposable
{
    /// <summary><c>mcap</c>, <c>ulog</c> or <c>csv</c>.</summary>
    string Format { get; }

    /// <summary>The file path.</summary>
    string Path { get; }

    /// <summary>Topics with counts, times, encodings and schema names.</summary>
    IReadOnlyList<LogTopicInfo> Topics { get; }

    /// <summary>Decoded messages in log-time order, optionally filtered by topic and time range [start, end].</summary>
    IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null);

    /// <summary>
    /// What the latest <see cref="ReadMessages"/> enumeration that ran to its end delivered: whether it
    /// stopped at damage (only possible when the log was opened with <c>allowTruncated</c>), where and
    /// why, and the log times covered. Null before any read has finished, or for a log that does not track it.
    /// </summary>
    LogCoverage? Coverage => null;
}
