namespace MultiRate.Logs.Abstractions;

/// <summary>Counts what a read delivers and notes where it stopped; builds the <see cref="LogCoverage"/>.</summary>
/// <remarks>Used by one enumeration on one thread; allocation-free per message.</remarks>
internal sealed class LogCoverageTracker
{
    private long _count;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;
    private LogFormatException? _error;
    private long? _stoppedAt;

    /// <summary>Counts one delivered message.</summary>
    public void Add(long logTimeNs)
    {
        _count++;
        _first = Math.Min(_first, logTimeNs);
        _last = Math.Max(_last, logTimeNs);
    }

    /// <summary>Notes the damage that ended the read.</summary>
    /// <param name="error">The error.</param>
    /// <param name="fallbackOffset">Offset of the record being read, used when the error has none (e.g. inside a compressed chunk).</param>
    public void Stop(LogFormatException error, long fallbackOffset)
    {
        _error = error;
        long offset = error.Offset >= 0 ? error.Offset : fallbackOffset;
        _stoppedAt = offset >= 0 ? offset : null;
    }

    /// <summary>Builds the coverage.</summary>
    /// <param name="logEndNs">The log's end time when the summary knows it despite damage; ignored for a log read to its end.</param>
    public LogCoverage Build(long? logEndNs = null)
    {
        long? first = _count > 0 ? _first : null;
        long? last = _count > 0 ? _last : null;
        return new LogCoverage
        {
            Damaged = _error is not null,
            Truncated = _error?.IsTruncation ?? false,
            StoppedAtByte = _stoppedAt,
            Reason = _error is null ? null : $"{_error.Record}: expected {_error.Expected}",
            Error = _error,
            MessagesRead = _count,
            FirstMessageNs = first,
            LastMessageNs = last,
            LogEndNs = _error is null ? last : logEndNs is long e && last is long l ? Math.Max(e, l) : logEndNs,
        };
    }
}
