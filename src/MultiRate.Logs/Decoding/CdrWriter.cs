using System.Buffers.Binary;

namespace MultiRate.Logs.Decoding;

/// <summary>A growable CDR output buffer: header first, then the body with alignment relative to it.</summary>
internal sealed class CdrWriter
{
    private const int HeaderSize = 4;
    private readonly bool bigEndian;
    private byte[] buffer = new byte[256];
    private int length;

    /// <summary>Starts a payload with the encapsulation header for the byte order.</summary>
    public CdrWriter(CdrEndianness endianness)
    {
        bigEndian = endianness == CdrEndianness.BigEndian;
        buffer[1] = bigEndian ? (byte)0 : (byte)1;
        length = HeaderSize;
    }

    /// <summary>The bytes written so far, header included.</summary>
    public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

    /// <summary>Pads with zeros to a multiple of min(size, 8), counted from the body start.</summary>
    public void Align(int size)
    {
        int a = Math.Min(size, 8);
        if (a > 1)
        {
            int pad = (a - ((length - HeaderSize) % a)) % a;
            Span(pad).Clear();
        }
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => Span(1)[0] = value;

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Span(bytes.Length));

    /// <summary>Writes a 16-bit value (caller aligns).</summary>
    public void WriteUInt16(ushort value)
    {
        Span<byte> s = Span(2);
        if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(s, value); } else { BinaryPrimitives.WriteUInt16LittleEndian(s, value); }
    }

    /// <summary>Writes a 32-bit value (caller aligns).</summary>
    public void WriteUInt32(uint value)
    {
        Span<byte> s = Span(4);
        if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(s, value); } else { BinaryPrimitives.WriteUInt32LittleEndian(s, value); }
    }

    /// <summary>Writes a 64-bit value (caller aligns).</summary>
    public void WriteUInt64(ulong value)
    {
        Span<byte> s = Span(8);
        if (bigEndian) { BinaryPrimitives.WriteUInt64BigEndian(s, value); } else { BinaryPrimitives.WriteUInt64LittleEndian(s, value); }
    }

    private Span<byte> Span(int count)
    {
        if (length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        }

        Span<byte> s = buffer.AsSpan(length, count);
        length += count;
        return s;
    }
}
