using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiRate.Logs.ULog;

/// <summary>Names, sizes and decoding of the ULog basic types (all little-endian).</summary>
internal static class ULogPrimitives
{
    /// <summary>Maps a type name such as <c>uint16_t</c> to its primitive, or <see cref="ULogPrimitive.None"/>.</summary>
    public static ULogPrimitive Parse(string typeName) => typeName switch
    {
        "int8_t" => ULogPrimitive.Int8,
        "uint8_t" => ULogPrimitive.UInt8,
        "int16_t" => ULogPrimitive.Int16,
        "uint16_t" => ULogPrimitive.UInt16,
        "int32_t" => ULogPrimitive.Int32,
        "uint32_t" => ULogPrimitive.UInt32,
        "int64_t" => ULogPrimitive.Int64,
        "uint64_t" => ULogPrimitive.UInt64,
        "float" => ULogPrimitive.Float,
        "double" => ULogPrimitive.Double,
        "bool" => ULogPrimitive.Bool,
        "char" => ULogPrimitive.Char,
        _ => ULogPrimitive.None,
    };

    /// <summary>Size in bytes of one value.</summary>
    public static int SizeOf(ULogPrimitive type) => type switch
    {
        ULogPrimitive.Int8 or ULogPrimitive.UInt8 or ULogPrimitive.Bool or ULogPrimitive.Char => 1,
        ULogPrimitive.Int16 or ULogPrimitive.UInt16 => 2,
        ULogPrimitive.Int32 or ULogPrimitive.UInt32 or ULogPrimitive.Float => 4,
        ULogPrimitive.Int64 or ULogPrimitive.UInt64 or ULogPrimitive.Double => 8,
        _ => 0,
    };

    /// <summary>Decodes one value at the start of <paramref name="data"/> as a JSON value of the exact CLR type.</summary>
    public static JsonNode Read(ULogPrimitive type, ReadOnlySpan<byte> data) => type switch
    {
        ULogPrimitive.Int8 => JsonValue.Create((sbyte)data[0]),
        ULogPrimitive.UInt8 => JsonValue.Create(data[0]),
        ULogPrimitive.Int16 => JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(data)),
        ULogPrimitive.UInt16 => JsonValue.Create(BinaryPrimitives.ReadUInt16LittleEndian(data)),
        ULogPrimitive.Int32 => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(data)),
        ULogPrimitive.UInt32 => JsonValue.Create(BinaryPrimitives.ReadUInt32LittleEndian(data)),
        ULogPrimitive.Int64 => JsonValue.Create(BinaryPrimitives.ReadInt64LittleEndian(data)),
        ULogPrimitive.UInt64 => JsonValue.Create(BinaryPrimitives.ReadUInt64LittleEndian(data)),
        ULogPrimitive.Float => JsonValue.Create(BinaryPrimitives.ReadSingleLittleEndian(data)),
        ULogPrimitive.Double => JsonValue.Create(BinaryPrimitives.ReadDoubleLittleEndian(data)),
        ULogPrimitive.Bool => JsonValue.Create(data[0] != 0),
        ULogPrimitive.Char => JsonValue.Create(ReadString(data[..1])),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a basic type"),
    };

    /// <summary>Decodes a C string: UTF-8 up to the first NUL (invalid bytes become U+FFFD).</summary>
    public static string ReadString(ReadOnlySpan<byte> data)
    {
        int nul = data.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? data[..nul] : data);
    }
}
