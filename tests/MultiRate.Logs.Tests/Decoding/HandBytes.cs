using System.Buffers.Binary;
using System.Text;

namespace MultiRate.Logs.Tests.Decoding;

/// <summary>
/// Builds a CDR payload by hand: the test states every offset, so the expected layout is written
/// down independently of the encoder under test. Offsets are body offsets (after the 4-byte header).
/// </summary>
internal sealed class HandBytes(int bodyLength, bool bigEndian = false)
{
    private readonly byte[] bytes = CreateWithHeader(bodyLength, bigEndian);

    public byte[] Bytes => bytes;

    public HandBytes U8(int at, byte v)
    {
        bytes[4 + at] = v;
        return this;
    }

    public HandBytes U16(int at, ushort v)
    {
        Span<byte> s = bytes.AsSpan(4 + at, 2);
        if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(s, v); } else { BinaryPrimitives.WriteUInt16LittleEndian(s, v); }
        return this;
    }

    public HandBytes U32(int at, uint v)
    {
        Span<byte> s = bytes.AsSpan(4 + at, 4);
        if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(s, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(s, v); }
        return this;
    }

    public HandBytes I32(int at, int v) => U32(at, (uint)v);

    public HandBytes U64(int at, ulong v)
    {
        Span<byte> s = bytes.AsSpan(4 + at, 8);
        if (bigEndian) { BinaryPrimitives.WriteUInt64BigEndian(s, v); } else { BinaryPrimitives.WriteUInt64LittleEndian(s, v); }
        return this;
    }

    public HandBytes F32(int at, float v) => U32(at, BitConverter.SingleToUInt32Bits(v));

    public HandBytes F64(int at, double v) => U64(at, BitConverter.DoubleToUInt64Bits(v));

    /// <summary>Writes the u32 length (bytes + NUL) at <paramref name="at"/> and the bytes and NUL after it.</summary>
    public HandBytes Str(int at, string v)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(v);
        U32(at, (uint)utf8.Length + 1);
        utf8.CopyTo(bytes, 4 + at + 4);
        bytes[4 + at + 4 + utf8.Length] = 0;
        return this;
    }

    private static byte[] CreateWithHeader(int bodyLength, bool bigEndian)
    {
        var b = new byte[4 + bodyLength];
        b[1] = bigEndian ? (byte)0 : (byte)1;
        return b;
    }
}
