using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.DataFlash;

/// <summary>
/// Reads DataFlash messages front to back: each is <c>A3 95 type</c> then the payload its FMT record sizes.
/// FMT records (type 128) define the types that follow; a type used before its FMT, a bad header or an
/// invalid FMT is damage, a file ending inside a message a truncation (both <see cref="LogFormatException"/>s
/// with the message's byte offset).
/// </summary>
/// <remarks>Holds one message in a reusable buffer: memory is bounded by the largest message (255 bytes).</remarks>
internal sealed class DataFlashRecordReader
{
    private const byte Head1 = 0xA3;
    private const byte Head2 = 0x95;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly DataFlashFormat?[] _formats = new DataFlashFormat?[256];
    private readonly byte[] _buffer = new byte[256];
    private long _next;

    public DataFlashRecordReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
        _formats[DataFlashFormat.Fmt.Type] = DataFlashFormat.Fmt;
    }

    /// <summary>Byte offset of the current (or failing) message.</summary>
    public long Offset { get; private set; }

    /// <summary>The current message's format.</summary>
    public DataFlashFormat Format { get; private set; } = DataFlashFormat.Fmt;

    /// <summary>The current message's payload (after the 3-byte header).</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(0, Format.Length - 3);

    /// <summary>Formats defined so far, by type id.</summary>
    public IEnumerable<DataFlashFormat> Formats => _formats.Where(f => f is not null)!;

    /// <summary>Moves to the next message; false at the clean end of the file.</summary>
    /// <exception cref="LogFormatException">Damage or truncation at <see cref="Offset"/>.</exception>
    public bool Next()
    {
        Offset = _next;
        Span<byte> head = stackalloc byte[3];
        int read = _stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (read == 0)
        {
            return false;
        }

        if (read < 3)
        {
            throw new LogFormatException(_path, Offset, "message header", $"3 header bytes, the file ends after {read}", isTruncation: true);
        }

        if (head[0] != Head1 || head[1] != Head2)
        {
            throw new LogFormatException(_path, Offset, "message header", $"the DataFlash header A3 95, found {head[0]:X2} {head[1]:X2}");
        }

        DataFlashFormat format = _formats[head[2]]
            ?? throw new LogFormatException(_path, Offset, $"message type {head[2]}", "an FMT record defining the type before its first message");
        int size = format.Length - 3;
        read = _stream.ReadAtLeast(_buffer.AsSpan(0, size), size, throwOnEndOfStream: false);
        if (read < size)
        {
            throw new LogFormatException(_path, Offset, $"{format.Name} message", $"{size} payload bytes, the file ends after {read}", isTruncation: true);
        }

        Format = format;
        _next = Offset + format.Length;
        if (format.Type == DataFlashFormat.Fmt.Type)
        {
            Define();
        }

        return true;
    }

    private void Define()
    {
        ReadOnlySpan<byte> p = Payload;
        byte type = p[0];
        int length = p[1];
        string name = DataFlashFormatChars.Text(p.Slice(2, 4));
        string format = DataFlashFormatChars.Text(p.Slice(6, 16));
        string columns = DataFlashFormatChars.Text(p.Slice(22, 64));
        DataFlashFormat? defined = DataFlashFormat.TryCreate(type, name, length, format, columns, out string? error)
            ?? throw new LogFormatException(_path, Offset, "FMT record", error!);
        if (name.Length == 0)
        {
            throw new LogFormatException(_path, Offset, "FMT record", $"a message name for type {type}");
        }

        if (type == DataFlashFormat.Fmt.Type && defined.Format != DataFlashFormat.Fmt.Format)
        {
            throw new LogFormatException(_path, Offset, "FMT record", $"FMT (type 128) defined as '{DataFlashFormat.Fmt.Format}', found '{defined.Format}'");
        }

        _formats[type] = defined;
    }
}
