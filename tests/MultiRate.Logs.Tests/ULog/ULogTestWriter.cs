using System.Buffers.Binary;
using System.Text;

namespace MultiRate.Logs.Tests.ULog;

/// <summary>Builds small ULog files byte by byte, for decoding and error tests.</summary>
internal sealed class ULogTestWriter
{
    private readonly MemoryStream _bytes = new();

    public ULogTestWriter(ulong startTimestampUs = 1_000_000, byte version = 1, bool header = true)
    {
        if (header)
        {
            Raw([0x55, 0x4C, 0x6F, 0x67, 0x01, 0x12, 0x35, version]);
            U64(startTimestampUs);
        }
    }

    public long Length => _bytes.Length;

    public ULogTestWriter Flags(byte incompat0 = 0, params ulong[] appendedOffsets)
    {
        var body = new byte[40];
        body[8] = incompat0;
        for (int i = 0; i < appendedOffsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(16 + (8 * i)), appendedOffsets[i]);
        }

        return Record('B', body);
    }

    public ULogTestWriter Format(string text) => Record('F', Encoding.UTF8.GetBytes(text));

    public ULogTestWriter Info(string typeAndKey, byte[] value) => Record('I', KeyValue(typeAndKey, value));

    public ULogTestWriter MultiInfo(bool continued, string typeAndKey, byte[] value) =>
        Record('M', [(byte)(continued ? 1 : 0), .. KeyValue(typeAndKey, value)]);

    public ULogTestWriter Parameter(string name, float value) => Record('P', KeyValue("float " + name, F32(value)));

    public ULogTestWriter Parameter(string name, int value) => Record('P', KeyValue("int32_t " + name, I32(value)));

    public ULogTestWriter DefaultParameter(byte types, string name, int value) => Record('Q', [types, .. KeyValue("int32_t " + name, I32(value))]);

    public ULogTestWriter Add(byte multiId, ushort msgId, string name) => Record('A', [multiId, .. U16(msgId), .. Encoding.UTF8.GetBytes(name)]);

    public ULogTestWriter Remove(ushort msgId) => Record('R', U16(msgId));

    public ULogTestWriter Data(ushort msgId, params byte[][] parts) => Record('D', [.. U16(msgId), .. parts.SelectMany(p => p)]);

    public ULogTestWriter Logged(char level, ulong timestampUs, string text) =>
        Record('L', [(byte)level, .. U64Bytes(timestampUs), .. Encoding.UTF8.GetBytes(text)]);

    public ULogTestWriter Tagged(char level, ushort tag, ulong timestampUs, string text) =>
        Record('C', [(byte)level, .. U16(tag), .. U64Bytes(timestampUs), .. Encoding.UTF8.GetBytes(text)]);

    public ULogTestWriter Dropout(ushort durationMs) => Record('O', U16(durationMs));

    public ULogTestWriter Sync() => Record('S', [0x2F, 0x73, 0x13, 0x20, 0x25, 0x0C, 0xBB, 0x12]);

    public ULogTestWriter Record(char type, byte[] body)
    {
        U16Raw((ushort)body.Length);
        _bytes.WriteByte((byte)type);
        Raw(body);
        return this;
    }

    public ULogTestWriter Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    public static byte[] U16(ushort v) => BitConverter.GetBytes(v);

    public static byte[] I32(int v) => BitConverter.GetBytes(v);

    public static byte[] F32(float v) => BitConverter.GetBytes(v);

    public static byte[] U64Bytes(ulong v) => BitConverter.GetBytes(v);

    public static byte[] Chars(string s, int length)
    {
        var b = new byte[length];
        Encoding.UTF8.GetBytes(s).CopyTo(b, 0);
        return b;
    }

    private static byte[] KeyValue(string typeAndKey, byte[] value)
    {
        byte[] key = Encoding.UTF8.GetBytes(typeAndKey);
        return [(byte)key.Length, .. key, .. value];
    }

    private void U16Raw(ushort v) => Raw(U16(v));

    private void U64(ulong v) => Raw(U64Bytes(v));
}
