using System.Buffers.Binary;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// A cursor over a CDR body (the bytes after the encapsulation header). Alignment is relative to
/// the body start, and capped at 8 (XCDR1). Callers check <see cref="Remaining"/> before reading.
/// </summary>
internal ref struct CdrReader(ReadOnlySpan<byte> body, bool bigEndian)
{
    private readonly ReadOnlySpan<byte> body = body;

    /// <summary>Offset in the body.</summary>
    public int Position { get; private set; }

    /// <summary>Bytes left after <see cref="Position"/> (0 when alignment padding ran past the end).</summary>
    public readonly int Remaining => Math.Max(body.Length - Position, 0);

    /// <summary>Skips padding to a multiple of min(size, 8).</summary>
    public void Align(int size)
    {
        int a = Math.Min(size, 8);
        if (a > 1)
        {
            Position += (a - (Position % a)) % a;
        }
    }

    /// <summary>Reads one byte (bounds checked by the caller).</summary>
    public byte ReadByte() => body[Position++];

    /// <summary>Reads the next <paramref name="count"/> bytes (bounds checked by the caller).</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        ReadOnlySpan<byte> s = body.Slice(Position, count);
        Position += count;
        return s;
    }

    /// <summary>Reads a 16-bit unsigned value (aligned and bounds checked by the caller).</summary>
    public ushort ReadUInt16()
    {
        ReadOnlySpan<byte> s = ReadBytes(2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    }

    /// <summary>Reads a 32-bit unsigned value (aligned and bounds checked by the caller).</summary>
    public uint ReadUInt32()
    {
        ReadOnlySpan<byte> s = ReadBytes(4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    /// <summary>Reads a 64-bit unsigned value (aligned and bounds checked by the caller).</summary>
    public ulong ReadUInt64()
    {
        ReadOnlySpan<byte> s = ReadBytes(8);
        return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
    }
}
