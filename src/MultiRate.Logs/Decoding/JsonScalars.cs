using System.Text.Json.Nodes;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Reads numbers out of <see cref="JsonNode"/>s whatever CLR type backs them: nodes built in code
/// hold their exact type (float, long, ulong, ...), nodes parsed from text hold a JsonElement.
/// </summary>
internal static class JsonScalars
{
    /// <summary>Reads a number as double; bools read as 0/1 when <paramref name="allowBool"/>.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value, bool allowBool = false)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.TryGetValue(out double d)) { value = d; }
        else if (v.TryGetValue(out float f)) { value = f; }
        else if (v.TryGetValue(out long l)) { value = l; }
        else if (v.TryGetValue(out ulong ul)) { value = ul; }
        else if (v.TryGetValue(out int i)) { value = i; }
        else if (v.TryGetValue(out uint ui)) { value = ui; }
        else if (v.TryGetValue(out short s)) { value = s; }
        else if (v.TryGetValue(out ushort us)) { value = us; }
        else if (v.TryGetValue(out byte b)) { value = b; }
        else if (v.TryGetValue(out sbyte sb)) { value = sb; }
        else if (v.TryGetValue(out decimal m)) { value = (double)m; }
        else if (allowBool && v.TryGetValue(out bool flag)) { value = flag ? 1 : 0; }
        else { return false; }

        return true;
    }

    /// <summary>Reads an integral number as a signed 64-bit value, refusing fractions and overflow.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out ulong ul)) { value = (long)ul; return ul <= long.MaxValue; }
        if (!TryGetDouble(v, out double d) || d != Math.Floor(d) || d < -9.2233720368547758E18 || d >= 9.2233720368547758E18)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    /// <summary>Reads a non-negative integral number as an unsigned 64-bit value.</summary>
    public static bool TryGetUInt64(JsonNode? node, out ulong value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.TryGetValue(out ulong ul)) { value = ul; return true; }
        if (TryGetInt64(v, out long l)) { value = (ulong)l; return l >= 0; }
        if (!TryGetDouble(v, out double d) || d != Math.Floor(d) || d < 0 || d >= 1.8446744073709552E19)
        {
            return false;
        }

        value = (ulong)d;
        return true;
    }
}
