using System.Buffers.Binary;
using System.Text;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Reads little-endian fields from one record body. Every length prefix is checked against the
/// bytes left in the body, so a lying length fails with a typed error instead of allocating.
/// </summary>
internal struct McapFieldReader
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly string? _path;
    private readonly long _bodyOffset;
    private readonly string _record;
    private int _pos;

    /// <param name="body">The record body (or a map inside it).</param>
    /// <param name="path">File path for error messages.</param>
    /// <param name="bodyOffset">File offset of the body's first byte, or -1 when not in the file (inside a compressed chunk).</param>
    /// <param name="record">Record description for error messages.</param>
    public McapFieldReader(ReadOnlyMemory<byte> body, string? path, long bodyOffset, string record)
    {
        _body = body;
        _path = path;
        _bodyOffset = bodyOffset;
        _record = record;
        _pos = 0;
    }

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _pos;

    /// <summary>True when the whole body has been read.</summary>
    public readonly bool AtEnd => _pos >= _body.Length;

    public byte U8(string field) => Take(1, field)[0];

    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    /// <summary>A u64 log time in ns, refused past <see cref="LogTime.MaxNs"/> (so arithmetic on it cannot overflow).</summary>
    public ulong Time(string field)
    {
        ulong time = U64(field);
        if (time > LogTime.MaxNs)
        {
            _pos -= 8;
            throw Error(field, LogTime.Expected(time, "ns"));
        }

        return time;
    }

    /// <summary>A u32-length-prefixed UTF-8 string.</summary>
    public string String(string field) => Encoding.UTF8.GetString(Slice(U32(field), field).Span);

    /// <summary>u32-length-prefixed bytes.</summary>
    public ReadOnlyMemory<byte> Bytes32(string field) => Slice(U32(field), field);

    /// <summary>u64-length-prefixed bytes.</summary>
    public ReadOnlyMemory<byte> Bytes64(string field) => Slice(U64(field), field);

    /// <summary>Everything left in the body (Message data).</summary>
    public ReadOnlyMemory<byte> Rest()
    {
        ReadOnlyMemory<byte> rest = _body[_pos..];
        _pos = _body.Length;
        return rest;
    }

    /// <summary>A u32-byte-length-prefixed map of string to string.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string field)
    {
        McapFieldReader inner = Nested(field);
        var pairs = new List<KeyValuePair<string, string>>();
        while (!inner.AtEnd)
        {
            string key = inner.String(field + " key");
            pairs.Add(new(key, inner.String(field + " value")));
        }

        return pairs;
    }

    /// <summary>A u32-byte-length-prefixed map of u16 to u64.</summary>
    public IReadOnlyList<KeyValuePair<ushort, ulong>> U16U64Map(string field)
    {
        McapFieldReader inner = Nested(field);
        var pairs = new List<KeyValuePair<ushort, ulong>>();
        while (!inner.AtEnd)
        {
            ushort key = inner.U16(field + " key");
            pairs.Add(new(key, inner.U64(field + " value")));
        }

        return pairs;
    }

    /// <summary>A u32-byte-length-prefixed array of (u64 log time, u64 offset).</summary>
    public IReadOnlyList<McapMessageIndexEntry> IndexEntries(string field)
    {
        McapFieldReader inner = Nested(field);
        var entries = new List<McapMessageIndexEntry>();
        while (!inner.AtEnd)
        {
            ulong time = inner.Time(field + " log_time");
            entries.Add(new(time, inner.U64(field + " offset")));
        }

        return entries;
    }

    private McapFieldReader Nested(string field)
    {
        long start = _bodyOffset < 0 ? -1 : _bodyOffset + _pos + 4;
        return new McapFieldReader(Slice(U32(field), field), _path, start, _record);
    }

    private ReadOnlyMemory<byte> Slice(ulong length, string field)
    {
        int left = _body.Length - _pos;
        if (length > (ulong)left)
        {
            throw Error(field, $"a length of at most the {left} bytes left in the record, found {length}");
        }

        ReadOnlyMemory<byte> slice = _body.Slice(_pos, (int)length);
        _pos += (int)length;
        return slice;
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (_body.Length - _pos < count)
        {
            throw Error(field, $"{count} more bytes, but the record has {_body.Length - _pos} left");
        }

        ReadOnlySpan<byte> span = _body.Span.Slice(_pos, count);
        _pos += count;
        return span;
    }

    private readonly LogFormatException Error(string field, string expected)
    {
        long at = _bodyOffset < 0 ? -1 : _bodyOffset + _pos;
        return new LogFormatException(_path, at, $"{_record}, field {field}", expected);
    }
}
