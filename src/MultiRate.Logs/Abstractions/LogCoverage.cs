namespace MultiRate.Logs.Abstractions;

/// <summary>
/// How much of a log one read delivered: whether it reached the end or stopped at damage, where
/// and why it stopped, and the log times it covered. Replay reports this as "replayed up to".
/// </summary>
/// <remarks>
/// A log is read past damage only when the reader was opened with <c>allowTruncated</c>
/// (<c>--allow-truncated</c>): reading then stops at the first damaged record (a file cut short
/// by a crash, a chunk that fails its CRC, a corrupt record) and keeps every message before it.
/// Without that option damage is a <see cref="LogFormatException"/> and there is no coverage.
/// Immutable.
/// </remarks>
public sealed record LogCoverage
{
    /// <summary>True when reading stopped at damage before the end of the log.</summary>
    public bool Damaged { get; init; }

    /// <summary>True when the damage is the file simply ending early (a crashed writer), false for corrupt bytes.</summary>
    public bool Truncated { get; init; }

    /// <summary>Byte offset of the damaged record (where reading stopped), or null when the log was read to its end or the offset is unknown.</summary>
    public long? StoppedAtByte { get; init; }

    /// <summary>What was wrong at <see cref="StoppedAtByte"/> (the record and what was expected), or null when not damaged.</summary>
    public string? Reason { get; init; }

    /// <summary>The error that stopped reading, or null when not damaged.</summary>
    public LogFormatException? Error { get; init; }

    /// <summary>Messages delivered by the read.</summary>
    public long MessagesRead { get; init; }

    /// <summary>Earliest log time delivered (ns), or null when no message was delivered.</summary>
    public long? FirstMessageNs { get; init; }

    /// <summary>Latest log time delivered (ns): the log was replayed up to here. Null when no message was delivered.</summary>
    public long? LastMessageNs { get; init; }

    /// <summary>
    /// Latest log time the whole log holds (ns), where known: the last message time when the log was
    /// read to its end, or the summary's end time when a damaged MCAP file still has an intact summary.
    /// Null when the damage hides it (e.g. a file cut short).
    /// </summary>
    public long? LogEndNs { get; init; }

    /// <summary>Seconds of log time delivered (first to last message).</summary>
    public double ReplayedSeconds => FirstMessageNs is long f && LastMessageNs is long l ? (l - f) / 1e9 : 0;

    /// <summary>Seconds of log time the whole log holds from the first delivered message, or null when <see cref="LogEndNs"/> is unknown.</summary>
    public double? LogSeconds => FirstMessageNs is long f && LogEndNs is long e ? (e - f) / 1e9 : null;
}
