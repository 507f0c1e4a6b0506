using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Encodes a <see cref="JsonObject"/> as an XCDR1 message of a ros2msg schema; the inverse of
/// <see cref="CdrDecoder"/>. Missing fields get ROS defaults (0, false, "", empty or zeroed arrays);
/// unknown fields, wrong kinds, out-of-range integers and wrong array lengths are errors.
/// </summary>
/// <remarks>Not thread-safe: it keeps the current field path.</remarks>
internal sealed class CdrEncoder(Ros2MsgSchema schema)
{
    private readonly CdrFieldPath path = new();

    /// <summary>Encodes one message, header included.</summary>
    public byte[] Encode(JsonObject message, CdrEndianness endianness)
    {
        path.Clear();
        var writer = new CdrWriter(endianness);
        WriteStruct(writer, schema.Root, message);
        return writer.ToArray();
    }

    private void WriteStruct(CdrWriter w, Ros2MsgType type, JsonNode? node)
    {
        JsonObject? obj = node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Error($"an object of type {type.FullName}, not {node.GetValueKind()}"),
        };
        if (obj is not null)
        {
            foreach (KeyValuePair<string, JsonNode?> property in obj)
            {
                if (!type.Fields.Exists(f => f.Name == property.Key))
                {
                    string known = string.Join(", ", type.Fields.Select(f => f.Name));
                    throw Error($"one of the fields of {type.FullName} ({known}), not '{property.Key}'");
                }
            }
        }

        if (type.Fields.Count == 0)
        {
            w.WriteByte(0);
            return;
        }

        foreach (Ros2MsgField field in type.Fields)
        {
            path.Push(field.Name);
            WriteField(w, field.Type, obj?[field.Name]);
            path.Pop();
        }
    }

    private void WriteField(CdrWriter w, Ros2FieldType type, JsonNode? node)
    {
        if (type.ArrayKind == Ros2ArrayKind.None)
        {
            WriteScalar(w, type, node);
            return;
        }

        JsonArray? array = node switch
        {
            null => null,
            JsonArray a => a,
            _ => throw Error($"an array for {type}, not {node.GetValueKind()}"),
        };
        int count = array?.Count ?? 0;
        switch (type.ArrayKind)
        {
            case Ros2ArrayKind.Fixed when array is not null && count != type.ArrayLength:
                throw Error($"exactly {type.ArrayLength} elements for {type}, not {count}");
            case Ros2ArrayKind.Fixed:
                count = type.ArrayLength;
                break;
            case Ros2ArrayKind.Bounded when count > type.ArrayLength:
                throw Error($"at most {type.ArrayLength} elements for {type}, not {count}");
            default:
                w.Align(4);
                w.WriteUInt32((uint)count);
                break;
        }

        Ros2FieldType element = type.ElementType;
        for (int i = 0; i < count; i++)
        {
            path.Push(i);
            WriteScalar(w, element, array?[i]);
            path.Pop();
        }
    }

    private void WriteScalar(CdrWriter w, Ros2FieldType type, JsonNode? node)
    {
        switch (type.Primitive)
        {
            case Ros2Primitive.None:
                WriteStruct(w, type.Nested!, node);
                return;
            case Ros2Primitive.String:
                WriteString(w, GetString(node), type.StringBound);
                return;
            case Ros2Primitive.WString:
                string text = GetString(node);
                w.Align(4);
                w.WriteUInt32((uint)text.Length);
                foreach (char c in text)
                {
                    w.WriteUInt32(c);
                }

                return;
        }

        w.Align(CdrPrimitives.SizeOf(type.Primitive));
        switch (type.Primitive)
        {
            case Ros2Primitive.Bool:
                w.WriteByte(GetBool(node) ? (byte)1 : (byte)0);
                break;
            case Ros2Primitive.Int8:
                w.WriteByte((byte)(sbyte)GetInt(node, sbyte.MinValue, sbyte.MaxValue, type));
                break;
            case Ros2Primitive.Byte or Ros2Primitive.Char or Ros2Primitive.UInt8:
                w.WriteByte((byte)GetInt(node, 0, byte.MaxValue, type));
                break;
            case Ros2Primitive.Int16:
                w.WriteUInt16((ushort)(short)GetInt(node, short.MinValue, short.MaxValue, type));
                break;
            case Ros2Primitive.UInt16:
                w.WriteUInt16((ushort)GetInt(node, 0, ushort.MaxValue, type));
                break;
            case Ros2Primitive.Int32:
                w.WriteUInt32((uint)(int)GetInt(node, int.MinValue, int.MaxValue, type));
                break;
            case Ros2Primitive.UInt32:
                w.WriteUInt32((uint)GetInt(node, 0, uint.MaxValue, type));
                break;
            case Ros2Primitive.Int64:
                w.WriteUInt64((ulong)GetInt(node, long.MinValue, long.MaxValue, type));
                break;
            case Ros2Primitive.UInt64:
                w.WriteUInt64(GetUInt64(node));
                break;
            case Ros2Primitive.Float32:
                w.WriteUInt32(BitConverter.SingleToUInt32Bits((float)GetDouble(node)));
                break;
            default:
                w.WriteUInt64(BitConverter.DoubleToUInt64Bits(GetDouble(node)));
                break;
        }
    }

    private void WriteString(CdrWriter w, string text, int bound)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bound >= 0 && bytes.Length > bound)
        {
            throw Error($"a string of at most {bound} bytes, not {bytes.Length}");
        }

        w.Align(4);
        w.WriteUInt32((uint)bytes.Length + 1);
        w.WriteBytes(bytes);
        w.WriteByte(0);
    }

    private string GetString(JsonNode? node) =>
        node is null ? string.Empty
        : node is JsonValue v && v.TryGetValue(out string? s) ? s
        : throw Error($"a string, not {node.GetValueKind()}");

    private bool GetBool(JsonNode? node) =>
        node is null ? false
        : node is JsonValue v && v.TryGetValue(out bool b) ? b
        : JsonScalars.TryGetInt64(node, out long l) && l is 0 or 1 ? l == 1
        : throw Error($"true, false, 0 or 1, not {Describe(node)}");

    private long GetInt(JsonNode? node, long min, long max, Ros2FieldType type) =>
        node is null ? 0
        : JsonScalars.TryGetInt64(node, out long l) && l >= min && l <= max ? l
        : throw Error($"an integer in [{min}, {max}] for {type}, not {Describe(node)}");

    private ulong GetUInt64(JsonNode? node) =>
        node is null ? 0
        : JsonScalars.TryGetUInt64(node, out ulong u) ? u
        : throw Error($"an integer in [0, {ulong.MaxValue}] for uint64, not {Describe(node)}");

    private double GetDouble(JsonNode? node) =>
        node is null ? 0
        : JsonScalars.TryGetDouble(node, out double d) ? d
        : throw Error($"a number, not {Describe(node)}");

    private static string Describe(JsonNode node) =>
        node.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array ? node.GetValueKind().ToString() : Core.Json.FiniteJson.ToJsonString(node);

    private LogFormatException Error(string expected) =>
        new(null, -1, $"CDR encoding of '{schema.Name}' field '{path}'", expected);
}
