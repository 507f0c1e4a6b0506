using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>Decodes the <c>key_len, "type name", value</c> body shared by I, M, P and Q records.</summary>
internal readonly ref struct ULogKeyValue
{
    private ULogKeyValue(string type, string key, ReadOnlySpan<byte> value)
    {
        Type = type;
        Key = key;
        Value = value;
    }

    public string Type { get; }

    public string Key { get; }

    public ReadOnlySpan<byte> Value { get; }

    public static ULogKeyValue Parse(ReadOnlySpan<byte> body, string? path, long offset, string record)
    {
        if (body.Length < 1 || body.Length < 1 + body[0])
        {
            throw new LogFormatException(path, offset, record, "a key length byte and that many key bytes", isTruncation: false);
        }

        string typeAndKey = Encoding.UTF8.GetString(body.Slice(1, body[0]));
        int space = typeAndKey.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == typeAndKey.Length - 1)
        {
            throw new LogFormatException(path, offset, record, $"a key 'type name', got '{typeAndKey}'");
        }

        return new ULogKeyValue(typeAndKey[..space], typeAndKey[(space + 1)..], body[(1 + body[0])..]);
    }

    /// <summary>The value as JSON: a string for <c>char[N]</c>, a number, or an array of numbers.</summary>
    public JsonNode ToJson(string? path, long offset, string record)
    {
        int open = Type.IndexOf('[', StringComparison.Ordinal);
        ULogPrimitive primitive = ULogPrimitives.Parse(open >= 0 ? Type[..open] : Type);
        if (primitive == ULogPrimitive.Char)
        {
            // The value is the rest of the record, whatever N says (as pyulog reads it).
            return JsonValue.Create(ULogPrimitives.ReadString(Value));
        }

        if (primitive == ULogPrimitive.None)
        {
            var raw = new JsonArray();
            foreach (byte b in Value)
            {
                raw.Add(b);
            }

            return raw;
        }

        int size = ULogPrimitives.SizeOf(primitive);
        if (open < 0)
        {
            RequireLength(size, path, offset, record);
            return ULogPrimitives.Read(primitive, Value);
        }

        var array = new JsonArray();
        for (int i = 0; i + size <= Value.Length; i += size)
        {
            array.Add(ULogPrimitives.Read(primitive, Value[i..]));
        }

        return array;
    }

    /// <summary>The value of a parameter: <c>int32_t</c> or <c>float</c> (any basic numeric type is accepted).</summary>
    public double ToNumber(string? path, long offset, string record)
    {
        ULogPrimitive primitive = ULogPrimitives.Parse(Type);
        int size = ULogPrimitives.SizeOf(primitive);
        if (primitive is ULogPrimitive.None or ULogPrimitive.Char or ULogPrimitive.Bool)
        {
            throw new LogFormatException(path, offset, $"{record} '{Key}'", $"a numeric parameter type (int32_t or float), got '{Type}'");
        }

        RequireLength(size, path, offset, record);
        return primitive switch
        {
            ULogPrimitive.Float => BinaryPrimitives.ReadSingleLittleEndian(Value),
            ULogPrimitive.Double => BinaryPrimitives.ReadDoubleLittleEndian(Value),
            _ => Convert.ToDouble(ULogPrimitives.Read(primitive, Value).GetValue<object>(), CultureInfo.InvariantCulture),
        };
    }

    private void RequireLength(int size, string? path, long offset, string record)
    {
        if (Value.Length < size)
        {
            throw new LogFormatException(path, offset, $"{record} '{Key}'", $"{size} value bytes for type {Type}, got {Value.Length}");
        }
    }
}
