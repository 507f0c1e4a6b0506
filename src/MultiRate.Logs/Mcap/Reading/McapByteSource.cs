using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Reads whole records from a stream, tracking the byte offset and never allocating more than the
/// bytes that are really there (checked against the stream length when seekable, grown step by step otherwise).
/// </summary>
internal sealed class McapByteSource
{
    /// <summary>Growth step for non-seekable streams: a lying length costs at most this much before EOF shows.</summary>
    private const int GrowthStep = 1 << 20;

    private readonly Stream _stream;
    private readonly string? _path;
    private readonly long _maxRecordBytes;

    public McapByteSource(Stream stream, string? path, long maxRecordBytes)
    {
        _stream = stream;
        _path = path;
        _maxRecordBytes = maxRecordBytes;
        Position = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>Byte offset of the next byte to read.</summary>
    public long Position { get; private set; }

    /// <summary>The stream length (seekable streams only).</summary>
    public long Length => _stream.Length;

    /// <summary>Fills <paramref name="buffer"/>; false when the stream ended before its first byte.</summary>
    public bool TryReadExactly(Span<byte> buffer, string what)
    {
        int read = ReadAtMost(buffer);
        if (read == 0 && buffer.Length > 0)
        {
            return false;
        }

        if (read < buffer.Length)
        {
            throw new LogFormatException(_path, Position, what, $"{buffer.Length} bytes, but the file ended after {read}", isTruncation: true);
        }

        return true;
    }

    /// <summary>Fills <paramref name="buffer"/> or throws a truncation error naming <paramref name="what"/>.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        if (!TryReadExactly(buffer, what))
        {
            throw new LogFormatException(_path, Position, what, $"{buffer.Length} bytes, but the file ended", isTruncation: true);
        }
    }

    /// <summary>Reads a record body of <paramref name="length"/> bytes (declared by the record at <paramref name="recordOffset"/>).</summary>
    public byte[] ReadBody(ulong length, string record, long recordOffset)
    {
        if (length > (ulong)_maxRecordBytes)
        {
            throw new LogFormatException(_path, recordOffset, $"{record} record length", $"at most {_maxRecordBytes} bytes (the reader's limit), found {length}");
        }

        int size = (int)length;
        if (_stream.CanSeek)
        {
            long remaining = Math.Max(0, _stream.Length - _stream.Position);
            if (size > remaining)
            {
                throw new LogFormatException(_path, recordOffset, $"{record} record", $"a {size}-byte body, but only {remaining} bytes remain in the file", isTruncation: true);
            }

            byte[] body = new byte[size];
            ReadExactly(body, $"{record} record body");
            return body;
        }

        return ReadGrowing(size, record, recordOffset);
    }

    /// <summary>Moves to an absolute offset (seekable streams only).</summary>
    public void Seek(long offset)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        Position = offset;
    }

    private byte[] ReadGrowing(int size, string record, long recordOffset)
    {
        byte[] buffer = new byte[Math.Min(size, GrowthStep)];
        int filled = 0;
        while (filled < size)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(size, (long)buffer.Length * 2));
            }

            int read = ReadAtMost(buffer.AsSpan(filled));
            if (read == 0)
            {
                throw new LogFormatException(_path, recordOffset, $"{record} record", $"a {size}-byte body, but the file ended after {filled}", isTruncation: true);
            }

            filled += read;
        }

        return buffer;
    }

    private int ReadAtMost(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = _stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Position += total;
        return total;
    }
}
