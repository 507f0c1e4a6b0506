using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Decodes one XCDR1 message (plain CDR, either byte order) into a <see cref="JsonObject"/>,
/// driven by a parsed ros2msg schema.
/// </summary>
/// <remarks>
/// Every length and count is checked against the bytes that remain before anything is allocated
/// from it, so a corrupt message fails with the byte offset and field path, never with a huge
/// allocation. Offsets in errors count from the start of the message (encapsulation header included).
/// Not thread-safe: it keeps the current field path.
/// </remarks>
internal sealed class CdrDecoder(Ros2MsgSchema schema, string? sourcePath)
{
    private const int HeaderSize = 4;
    private readonly CdrFieldPath path = new();

    /// <summary>Bytes of the latest decoded message that its fields used, header included (for exact-size checks).</summary>
    public int BytesConsumed { get; private set; }

    /// <summary>Decodes <paramref name="data"/> (header included).</summary>
    public JsonObject Decode(ReadOnlySpan<byte> data)
    {
        path.Clear();
        if (data.Length < HeaderSize)
        {
            throw Error(0, $"CDR message '{schema.Name}' header", $"a 4-byte CDR encapsulation header, but the message has {data.Length} bytes");
        }

        bool bigEndian = (data[0], data[1]) switch
        {
            (0, 0) => true,
            (0, 1) => false,
            _ => throw Error(0, $"CDR message '{schema.Name}' header", $"encapsulation 0x0000 (CDR_BE) or 0x0001 (CDR_LE), not 0x{data[0]:X2}{data[1]:X2} ({KindName(data[0], data[1])})"),
        };
        var reader = new CdrReader(data[HeaderSize..], bigEndian);
        JsonObject decoded = ReadStruct(ref reader, schema.Root);
        BytesConsumed = HeaderSize + reader.Position;
        return decoded;
    }

    private JsonObject ReadStruct(ref CdrReader r, Ros2MsgType type)
    {
        var obj = new JsonObject();
        if (type.Fields.Count == 0)
        {
            // ROS 2 serializes an empty message as its one dummy uint8 member.
            Need(ref r, 1, "structure_needs_at_least_one_member");
            r.ReadByte();
            return obj;
        }

        foreach (Ros2MsgField field in type.Fields)
        {
            path.Push(field.Name);
            obj[field.Name] = ReadField(ref r, field.Type);
            path.Pop();
        }

        return obj;
    }

    private JsonNode? ReadField(ref CdrReader r, Ros2FieldType type)
    {
        if (type.ArrayKind == Ros2ArrayKind.None)
        {
            return ReadScalar(ref r, type);
        }

        long count = type.ArrayLength;
        if (type.ArrayKind != Ros2ArrayKind.Fixed)
        {
            count = ReadCount(ref r, "sequence length");
            if (type.ArrayKind == Ros2ArrayKind.Bounded && count > type.ArrayLength)
            {
                throw Error(HeaderSize + r.Position - 4, Where(), $"at most {type.ArrayLength} elements for {type}, but the count says {count}");
            }
        }

        Ros2FieldType element = type.ElementType;
        long minElement = element.Primitive switch
        {
            Ros2Primitive.None => element.Nested!.MinSize,
            Ros2Primitive.String or Ros2Primitive.WString => 4,
            _ => CdrPrimitives.SizeOf(element.Primitive),
        };
        if (count > r.Remaining / minElement)
        {
            // Point at the count when there is one: that is the number that lies.
            int at = HeaderSize + r.Position - (type.ArrayKind == Ros2ArrayKind.Fixed ? 0 : 4);
            throw Error(at, Where(), $"{count} elements of {element} (at least {count * minElement} bytes), but only {r.Remaining} bytes remain");
        }

        var array = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            path.Push(i);
            array.Add(ReadScalar(ref r, element));
            path.Pop();
        }

        return array;
    }

    private JsonNode? ReadScalar(ref CdrReader r, Ros2FieldType type)
    {
        switch (type.Primitive)
        {
            case Ros2Primitive.None:
                return ReadStruct(ref r, type.Nested!);
            case Ros2Primitive.String:
                return ReadString(ref r, type.StringBound);
            case Ros2Primitive.WString:
                return ReadWString(ref r);
        }

        int size = CdrPrimitives.SizeOf(type.Primitive);
        r.Align(size);
        Need(ref r, size, CdrPrimitives.Name(type.Primitive));
        return type.Primitive switch
        {
            Ros2Primitive.Bool => JsonValue.Create(r.ReadByte() != 0),
            Ros2Primitive.Int8 => JsonValue.Create((long)(sbyte)r.ReadByte()),
            Ros2Primitive.Byte or Ros2Primitive.Char or Ros2Primitive.UInt8 => JsonValue.Create((long)r.ReadByte()),
            Ros2Primitive.Int16 => JsonValue.Create((long)(short)r.ReadUInt16()),
            Ros2Primitive.UInt16 => JsonValue.Create((long)r.ReadUInt16()),
            Ros2Primitive.Int32 => JsonValue.Create((long)(int)r.ReadUInt32()),
            Ros2Primitive.UInt32 => JsonValue.Create((long)r.ReadUInt32()),
            Ros2Primitive.Int64 => JsonValue.Create((long)r.ReadUInt64()),
            Ros2Primitive.UInt64 => JsonValue.Create(r.ReadUInt64()),
            Ros2Primitive.Float32 => JsonValue.Create(BitConverter.UInt32BitsToSingle(r.ReadUInt32())),
            Ros2Primitive.Float64 => JsonValue.Create(BitConverter.UInt64BitsToDouble(r.ReadUInt64())),
            _ => throw new InvalidOperationException($"unhandled primitive {type.Primitive}"),
        };
    }

    private JsonValue ReadString(ref CdrReader r, int bound)
    {
        uint length = ReadCount(ref r, "string length");
        if (length > r.Remaining)
        {
            throw Error(HeaderSize + r.Position - 4, Where(), $"a string of {length} bytes (length includes the NUL), but only {r.Remaining} bytes remain");
        }

        ReadOnlySpan<byte> bytes = r.ReadBytes((int)length);
        if (bytes.Length > 0 && bytes[^1] == 0)
        {
            bytes = bytes[..^1];
        }

        if (bound >= 0 && bytes.Length > bound)
        {
            throw Error(HeaderSize + r.Position - (int)length, Where(), $"a string of at most {bound} bytes, but it has {bytes.Length}");
        }

        return JsonValue.Create(Encoding.UTF8.GetString(bytes));
    }

    private JsonValue ReadWString(ref CdrReader r)
    {
        // Fast-CDR 1.x (what ROS 2 type support uses) writes a character count, no terminator,
        // then each UTF-16 code unit widened to a 4-byte wchar_t.
        uint count = ReadCount(ref r, "wstring length");
        if (count * 4L > r.Remaining)
        {
            throw Error(HeaderSize + r.Position - 4, Where(), $"a wstring of {count} characters ({count * 4L} bytes), but only {r.Remaining} bytes remain");
        }

        var chars = new char[count];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)r.ReadUInt32();
        }

        return JsonValue.Create(new string(chars));
    }

    private uint ReadCount(ref CdrReader r, string what)
    {
        r.Align(4);
        Need(ref r, 4, what);
        return r.ReadUInt32();
    }

    private void Need(ref CdrReader r, int size, string what)
    {
        if (r.Remaining < size)
        {
            throw Error(HeaderSize + r.Position, Where(), $"{size} bytes for {what}, but only {r.Remaining} bytes remain");
        }
    }

    private string Where() => $"CDR message '{schema.Name}' field '{path}'";

    private LogFormatException Error(long offset, string record, string expected) =>
        new(sourcePath, offset, record, expected);

    private static string KindName(byte hi, byte lo) => (hi, lo) switch
    {
        (0, 2) => "PL_CDR_BE, parameter lists are not supported",
        (0, 3) => "PL_CDR_LE, parameter lists are not supported",
        (0, >= 6 and <= 11) => "XCDR2, not supported",
        _ => "unknown representation",
    };
}
