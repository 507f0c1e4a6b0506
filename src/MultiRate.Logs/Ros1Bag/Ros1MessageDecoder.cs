using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// Decodes ROS 1 serialised messages (little-endian, no alignment) into JSON as rosbag/genpy reads them:
/// <c>time</c>/<c>duration</c> as <c>{secs, nsecs}</c>, strings as uint32 length + bytes, <c>T[]</c> as uint32
/// count + elements, <c>T[N]</c> as N elements, nested types inline, <c>Header</c> as std_msgs/Header.
/// </summary>
internal sealed class Ros1MessageDecoder
{
    private const int MaxDepth = 64;
    private readonly Ros1MsgDefinitions _definitions;

    /// <summary>Creates a decoder for one connection's definition.</summary>
    public Ros1MessageDecoder(Ros1MsgDefinitions definitions)
    {
        _definitions = definitions;
    }

    /// <summary>Decodes <paramref name="data"/>; the definition must consume it exactly.</summary>
    /// <exception cref="FormatException">The payload is too short or too long for the definition (the message names the offset).</exception>
    public JsonObject Decode(ReadOnlySpan<byte> data)
    {
        int at = 0;
        JsonObject result = ReadMessage(data, ref at, _definitions.MainType, _definitions.MainType, 0);
        if (at != data.Length)
        {
            throw new FormatException($"the definition to consume the whole {data.Length}-byte payload, it ends at offset {at}");
        }

        return result;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int at, int count, string field)
    {
        if (count < 0 || count > data.Length - at)
        {
            throw new FormatException($"{count} more bytes for field '{field}' at offset {at}, the {data.Length}-byte payload ends");
        }

        ReadOnlySpan<byte> slice = data.Slice(at, count);
        at += count;
        return slice;
    }

    private static int Width(string type) => type switch
    {
        "bool" or "int8" or "uint8" or "byte" or "char" => 1,
        "int16" or "uint16" => 2,
        "int32" or "uint32" or "float32" => 4,
        "int64" or "uint64" or "float64" or "time" or "duration" => 8,
        _ => 4, // string: at least its length prefix
    };

    private static JsonNode ReadPrimitive(ReadOnlySpan<byte> data, ref int at, string type, string field)
    {
        if (type == "string")
        {
            int length = checked((int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(Take(data, ref at, 4, field)), int.MaxValue));
            return JsonValue.Create(Encoding.UTF8.GetString(Take(data, ref at, length, field)));
        }

        ReadOnlySpan<byte> b = Take(data, ref at, Width(type), field);
        return type switch
        {
            "bool" => JsonValue.Create(b[0] != 0),
            "int8" or "byte" => JsonValue.Create((sbyte)b[0]),
            "uint8" or "char" => JsonValue.Create(b[0]),
            "int16" => JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(b)),
            "uint16" => JsonValue.Create(BinaryPrimitives.ReadUInt16LittleEndian(b)),
            "int32" => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(b)),
            "uint32" => JsonValue.Create(BinaryPrimitives.ReadUInt32LittleEndian(b)),
            "int64" => JsonValue.Create(BinaryPrimitives.ReadInt64LittleEndian(b)),
            "uint64" => JsonValue.Create(BinaryPrimitives.ReadUInt64LittleEndian(b)),
            "float32" => JsonValue.Create((double)BinaryPrimitives.ReadSingleLittleEndian(b)),
            "float64" => JsonValue.Create(BinaryPrimitives.ReadDoubleLittleEndian(b)),
            "time" => new JsonObject { ["secs"] = BinaryPrimitives.ReadUInt32LittleEndian(b), ["nsecs"] = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]) },
            _ => new JsonObject { ["secs"] = BinaryPrimitives.ReadInt32LittleEndian(b), ["nsecs"] = BinaryPrimitives.ReadInt32LittleEndian(b[4..]) },
        };
    }

    private JsonObject ReadMessage(ReadOnlySpan<byte> data, ref int at, string type, string context, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"message types nested at most {MaxDepth} deep (is '{type}' recursive?)");
        }

        (string name, IReadOnlyList<Ros1MsgField> fields) = _definitions.Resolve(type, context);
        var result = new JsonObject();
        foreach (Ros1MsgField field in fields)
        {
            if (!field.IsArray)
            {
                result[field.Name] = ReadValue(data, ref at, field.Type, name, field.Name, depth);
                continue;
            }

            long count = field.FixedLength >= 0
                ? field.FixedLength
                : BinaryPrimitives.ReadUInt32LittleEndian(Take(data, ref at, 4, field.Name));
            if (count > data.Length - at && (Ros1MsgDefinitions.IsPrimitive(field.Type) || count > 1 << 16))
            {
                // Every primitive takes a byte or more: a count beyond the payload is damage, not a huge allocation.
                throw new FormatException($"array '{field.Name}' of {count} elements at offset {at}, only {data.Length - at} bytes remain");
            }

            var array = new JsonArray();
            for (long i = 0; i < count; i++)
            {
                array.Add(ReadValue(data, ref at, field.Type, name, field.Name, depth));
            }

            result[field.Name] = array;
        }

        return result;
    }

    private JsonNode ReadValue(ReadOnlySpan<byte> data, ref int at, string type, string context, string field, int depth) =>
        Ros1MsgDefinitions.IsPrimitive(type) ? ReadPrimitive(data, ref at, type, field) : ReadMessage(data, ref at, type, context, depth + 1);
}
