using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>Where a record sits, for error messages.</summary>
/// <param name="Path">File name, or null for a stream.</param>
/// <param name="Offset">Byte offset of the record header.</param>
internal readonly record struct ULogRecordContext(string? Path, long Offset)
{
    /// <summary>Throws unless the payload holds at least <paramref name="count"/> bytes.</summary>
    public void Require(ReadOnlySpan<byte> payload, int count, string record)
    {
        if (payload.Length < count)
        {
            throw new LogFormatException(Path, Offset, record, $"at least {count} payload bytes, got {payload.Length}");
        }
    }
}
