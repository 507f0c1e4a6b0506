using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace MultiRate.Logs.DataFlash;

/// <summary>
/// DataFlash format characters decoded as pymavlink's DFReader decodes them: little-endian integers and
/// floats; <c>c C e E</c> scaled by 0.01 and <c>L</c> (lat/lon) by 1e-7 as doubles; <c>n N Z</c> 4-, 16- and
/// 64-byte strings cut at the first NUL; <c>a</c> an int16[32] array; <c>M</c> a signed byte (flight mode);
/// <c>g</c> a half-precision float. FMTU multipliers are not applied (DFReader does not by default).
/// </summary>
internal static class DataFlashFormatChars
{
    /// <summary>Bytes the character takes, or 0 for an unknown character.</summary>
    public static int Width(char c) => c switch
    {
        'b' or 'B' or 'M' => 1,
        'h' or 'H' or 'c' or 'C' or 'g' => 2,
        'i' or 'I' or 'f' or 'e' or 'E' or 'L' or 'n' => 4,
        'd' or 'q' or 'Q' => 8,
        'N' => 16,
        'Z' or 'a' => 64,
        _ => 0,
    };

    /// <summary>Decodes one value; <paramref name="data"/> holds at least <see cref="Width"/> bytes.</summary>
    public static JsonNode Decode(char c, ReadOnlySpan<byte> data) => c switch
    {
        'b' or 'M' => JsonValue.Create((sbyte)data[0]),
        'B' => JsonValue.Create(data[0]),
        'h' => JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(data)),
        'H' => JsonValue.Create(BinaryPrimitives.ReadUInt16LittleEndian(data)),
        'i' => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(data)),
        'I' => JsonValue.Create(BinaryPrimitives.ReadUInt32LittleEndian(data)),
        'q' => JsonValue.Create(BinaryPrimitives.ReadInt64LittleEndian(data)),
        'Q' => JsonValue.Create(BinaryPrimitives.ReadUInt64LittleEndian(data)),
        'f' => JsonValue.Create((double)BinaryPrimitives.ReadSingleLittleEndian(data)),
        'd' => JsonValue.Create(BinaryPrimitives.ReadDoubleLittleEndian(data)),
        'g' => JsonValue.Create((double)BinaryPrimitives.ReadHalfLittleEndian(data)),
        'c' => JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(data) * 0.01),
        'C' => JsonValue.Create(BinaryPrimitives.ReadUInt16LittleEndian(data) * 0.01),
        'e' => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(data) * 0.01),
        'E' => JsonValue.Create(BinaryPrimitives.ReadUInt32LittleEndian(data) * 0.01),
        'L' => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(data) * 1.0e-7),
        'n' => JsonValue.Create(Text(data[..4])),
        'N' => JsonValue.Create(Text(data[..16])),
        'Z' => JsonValue.Create(Text(data[..64])),
        'a' => Int16Array(data[..64]),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "unknown DataFlash format character"),
    };

    /// <summary>A fixed-length char field as text, cut at the first NUL.</summary>
    public static string Text(ReadOnlySpan<byte> data)
    {
        int nul = data.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? data[..nul] : data);
    }

    private static JsonArray Int16Array(ReadOnlySpan<byte> data)
    {
        var array = new JsonArray();
        for (int i = 0; i + 1 < data.Length; i += 2)
        {
            array.Add(JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(data[i..])));
        }

        return array;
    }
}
