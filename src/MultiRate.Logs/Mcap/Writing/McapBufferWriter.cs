using System.Buffers.Binary;
using System.Text;

namespace MultiRate.Logs.Mcap;

/// <summary>A growable little-endian byte buffer that records are serialized into.</summary>
internal sealed class McapBufferWriter
{
    private byte[] _buffer;

    public McapBufferWriter(int capacity = 256) => _buffer = new byte[capacity];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>Forgets the contents but keeps the storage.</summary>
    public void Reset() => Length = 0;

    public McapBufferWriter U8(byte value)
    {
        Grow(1)[0] = value;
        return this;
    }

    public McapBufferWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Grow(2), value);
        return this;
    }

    public McapBufferWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);
        return this;
    }

    public McapBufferWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), value);
        return this;
    }

    public McapBufferWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(bytes.Length));
        return this;
    }

    /// <summary>u32 byte length, then UTF-8.</summary>
    public McapBufferWriter String(string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        U32((uint)count);
        Encoding.UTF8.GetBytes(value, Grow(count));
        return this;
    }

    /// <summary>Writes the opcode and a length placeholder; returns the record start for <see cref="EndRecord"/>.</summary>
    public int BeginRecord(McapOpcode opcode)
    {
        int start = Length;
        U8((byte)opcode).U64(0);
        return start;
    }

    /// <summary>Patches the record length; returns the whole record's size (opcode and length included).</summary>
    public ulong EndRecord(int start)
    {
        ulong bodyLength = (ulong)(Length - start - McapConstants.RecordHeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(start + 1, 8), bodyLength);
        return (ulong)(Length - start);
    }

    /// <summary>Writes a u32 byte-length placeholder for a map; returns its position for <see cref="EndMap"/>.</summary>
    public int BeginMap()
    {
        int at = Length;
        U32(0);
        return at;
    }

    /// <summary>Patches the map's byte length.</summary>
    public void EndMap(int at) => BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(at, 4), (uint)(Length - at - 4));

    private Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length)
        {
            long wanted = Math.Max((long)_buffer.Length * 2, (long)Length + count);
            if (wanted > Array.MaxLength)
            {
                throw new InvalidOperationException($"An MCAP record or chunk cannot exceed {Array.MaxLength} bytes.");
            }

            Array.Resize(ref _buffer, (int)wanted);
        }

        Span<byte> span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
