using System.Text.Json.Nodes;

namespace MultiRate.Logs.ULog;

/// <summary>Decodes a data payload into a <see cref="JsonObject"/> by a compiled format.</summary>
/// <remarks>
/// Nested formats become objects, arrays become JSON arrays, <c>char[N]</c> becomes a string,
/// padding is left out. Numbers keep their exact CLR type (<c>float</c>, <c>ulong</c>, ...).
/// NaN and infinities are kept: serializing them needs
/// <c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>.
/// The caller guarantees <c>data.Length &gt;= format.MinSize</c>.
/// </remarks>
internal static class ULogDecoder
{
    public static JsonObject Decode(ULogCompiledFormat format, ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        foreach (ULogCompiledField field in format.Fields)
        {
            if (!field.IsPadding)
            {
                obj.Add(field.Name, DecodeField(field, Tail(data, field.Offset)));
            }
        }

        return obj;
    }

    private static JsonNode DecodeField(ULogCompiledField field, ReadOnlySpan<byte> data)
    {
        if (field.IsString)
        {
            return JsonValue.Create(ULogPrimitives.ReadString(data[..Math.Min(field.ArrayLength, data.Length)]));
        }

        if (field.ArrayLength < 0)
        {
            return DecodeElement(field, data);
        }

        var array = new JsonArray();
        for (int i = 0; i < field.ArrayLength; i++)
        {
            array.Add(DecodeElement(field, Tail(data, i * field.ElementSize)));
        }

        return array;
    }

    // Only an all-padding nested type can reach past MinSize; it decodes to an empty object.
    private static ReadOnlySpan<byte> Tail(ReadOnlySpan<byte> data, int offset) =>
        offset <= data.Length ? data[offset..] : [];

    private static JsonNode DecodeElement(ULogCompiledField field, ReadOnlySpan<byte> data) =>
        field.Nested is { } nested ? Decode(nested, data) : ULogPrimitives.Read(field.Primitive, data);
}
