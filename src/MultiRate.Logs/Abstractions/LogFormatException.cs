using MultiRate.Core.Errors;

namespace MultiRate.Logs.Abstractions;

/// <summary>
/// A log file is truncated, corrupt, fails a CRC, or uses an encoding or schema that cannot be
/// decoded. The message names the file, the byte offset, the record and what was expected.
/// </summary>
public sealed class LogFormatException : UserInputException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The log file (or null for a stream).</param>
    /// <param name="offset">Byte offset of the problem, or -1 when not applicable.</param>
    /// <param name="record">The record or section being read (e.g. <c>Chunk</c>, <c>format definition</c>, <c>line 42</c>).</param>
    /// <param name="expected">What was expected instead.</param>
    /// <param name="isTruncation">True when the input simply ended early (replay may go on with <c>--allow-truncated</c>).</param>
    public LogFormatException(string? path, long offset, string record, string expected, bool isTruncation = false)
        : base(Format(path, offset, record, expected))
    {
        Path = path;
        Offset = offset;
        Record = record;
        Expected = expected;
        IsTruncation = isTruncation;
    }

    /// <summary>Creates the exception.</summary>
    public LogFormatException()
        : this(null, -1, "log", "a readable log")
    {
    }

    /// <summary>Creates the exception from a message.</summary>
    public LogFormatException(string message)
        : base(message)
    {
        Record = "log";
        Expected = message;
        Offset = -1;
    }

    /// <summary>Creates the exception from a message and a cause.</summary>
    public LogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Record = "log";
        Expected = message;
        Offset = -1;
    }

    /// <summary>The log file, if known.</summary>
    public string? Path { get; }

    /// <summary>Byte offset of the problem, or -1.</summary>
    public long Offset { get; }

    /// <summary>The record or section being read.</summary>
    public string Record { get; }

    /// <summary>What was expected.</summary>
    public string Expected { get; }

    /// <summary>True when the input ended early rather than being corrupt.</summary>
    public bool IsTruncation { get; }

    private static string Format(string? path, long offset, string record, string expected)
    {
        string where = path ?? "<stream>";
        string at = offset >= 0 ? $" at byte {offset}" : string.Empty;
        return $"{where}{at}: {record}: expected {expected}";
    }
}
