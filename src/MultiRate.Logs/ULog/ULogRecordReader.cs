using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>
/// Splits a ULog byte stream into records (3-byte header: u16 size, u8 type; then the payload).
/// </summary>
/// <remarks>
/// One fixed buffer holds the current record, so memory is bounded by the largest possible record
/// (3 + 65535 bytes) whatever the file size. <see cref="Payload"/> is valid until the next call.
/// </remarks>
internal sealed class ULogRecordReader : IDisposable
{
    /// <summary>Size of the file header: magic (7), version (1), timestamp (8).</summary>
    public const int FileHeaderSize = 16;

    private static readonly byte[] Magic = [0x55, 0x4C, 0x6F, 0x67, 0x01, 0x12, 0x35];

    // Large enough for two maximal records, so compaction is rare and a whole record always fits.
    private readonly byte[] _buffer = new byte[1 << 17];
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string? _path;
    private readonly long _origin; // stream position of the file header: offsets are relative to it
    private long _bufferOffset; // file offset of _buffer[0]
    private int _start;
    private int _end;
    private bool _eof;
    private int _payloadStart;
    private int _payloadLength;

    /// <param name="stream">A seekable stream positioned at the file header.</param>
    /// <param name="path">File name for error messages.</param>
    /// <param name="leaveOpen">Whether disposing leaves the stream open.</param>
    public ULogRecordReader(Stream stream, string? path, bool leaveOpen)
    {
        _stream = stream;
        _origin = stream.Position;
        _path = path;
        _leaveOpen = leaveOpen;
    }

    /// <summary>File offset of the next unread byte.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Type byte of the current record.</summary>
    public byte Type { get; private set; }

    /// <summary>File offset of the current record's header.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>Payload of the current record; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

    /// <summary>Reads and checks the 16-byte file header.</summary>
    public (byte Version, ulong TimestampUs) ReadFileHeader()
    {
        if (!Ensure(FileHeaderSize))
        {
            throw new LogFormatException(_path, 0, "file header", $"{FileHeaderSize} bytes, file has {_end - _start}", isTruncation: true);
        }

        ReadOnlySpan<byte> header = _buffer.AsSpan(_start, FileHeaderSize);
        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new LogFormatException(_path, 0, "file header", "the ULog magic bytes 55 4C 6F 67 01 12 35 (\"ULog\")");
        }

        byte version = header[7];
        ulong timestamp = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        _start += FileHeaderSize;
        return (version, timestamp);
    }

    /// <summary>
    /// Advances to the next record that ends at or before <paramref name="limit"/>.
    /// Returns false at the end of the data, at trailing zero padding, or when the next record
    /// would cross <paramref name="limit"/> (the start of an appended-data section).
    /// </summary>
    public bool MoveNext(long limit = long.MaxValue)
    {
        long offset = Position;
        if (offset >= limit || !Ensure(1))
        {
            return false;
        }

        if (!Ensure(3))
        {
            return EndWithPaddingOrThrow(offset, limit, "record header", "3 header bytes");
        }

        ushort size = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_start));
        byte type = _buffer[_start + 2];
        if (type == 0 && size == 0)
        {
            return EndWithPaddingOrThrow(offset, limit, "record header", "a record type letter, or zero padding up to the end of the file");
        }

        if (!char.IsAsciiLetter((char)type))
        {
            throw new LogFormatException(_path, offset, $"record header (type byte 0x{type:X2}, size {size})", "a record type letter (corrupt or misaligned data)");
        }

        if (offset + 3 + size > limit)
        {
            return false;
        }

        if (!Ensure(3 + size))
        {
            throw new LogFormatException(_path, offset, $"'{(char)type}' record", $"{size} payload bytes, but the file ends after {_end - _start - 3}", isTruncation: true);
        }

        Type = type;
        RecordOffset = offset;
        _payloadStart = _start + 3;
        _payloadLength = size;
        _start += 3 + size;
        return true;
    }

    /// <summary>Continues reading at <paramref name="offset"/> (an appended-data section).</summary>
    public void JumpTo(long offset)
    {
        if (offset >= _bufferOffset && offset <= _bufferOffset + _end)
        {
            _start = (int)(offset - _bufferOffset);
            return;
        }

        // Past the end of the file is fine: the next read finds nothing there.
        _ = _stream.Seek(_origin + offset, SeekOrigin.Begin);
        _bufferOffset = offset;
        _start = 0;
        _end = 0;
        _eof = false;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // A logger that stopped mid-block leaves zeros behind (up to the end of the file, or up to an
    // appended-data section); that is a clean end, anything else is not.
    private bool EndWithPaddingOrThrow(long offset, long limit, string record, string expected)
    {
        while (true)
        {
            int count = (int)Math.Min(_end - _start, limit - Position);
            if (_buffer.AsSpan(_start, count).ContainsAnyExcept((byte)0))
            {
                bool truncated = _eof && _end - _start < 3;
                throw new LogFormatException(_path, offset, record, truncated ? $"{expected}, but the file ends" : expected, truncated);
            }

            _start += count;
            if (Position >= limit || !Ensure(1))
            {
                return false;
            }
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false at end of file.</summary>
    private bool Ensure(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start + count > _buffer.Length)
        {
            int remaining = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _bufferOffset += _start;
            _start = 0;
            _end = remaining;
        }

        while (_end - _start < count && !_eof)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        return _end - _start >= count;
    }
}
