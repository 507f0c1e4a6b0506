using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Core.Json;

/// <summary>
/// Writes JSON that every standard parser accepts, whatever numbers it holds: NaN, +Inf and -Inf
/// become <c>null</c>. JSON has no literal for them; System.Text.Json throws on them by default,
/// and the named literals (<c>NaN</c>) that some writers emit are refused by strict parsers
/// (Python's <c>json</c> with <c>parse_constant</c>, <c>jq</c>, JavaScript's <c>JSON.parse</c>).
/// <c>null</c> keeps the field's name and position, so a script can tell "no finite value" from a
/// missing field. The choice is documented in <c>docs/reliability-inputs.md</c>.
/// </summary>
/// <remarks>Thread-safe: no shared mutable state.</remarks>
public static class FiniteJson
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.Default };
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    /// <summary>The node as JSON text, non-finite numbers written as <c>null</c>.</summary>
    /// <param name="node">The node (null writes <c>null</c>).</param>
    /// <param name="indented">True for indented output (files meant to be read and diffed).</param>
    public static string ToJsonString(JsonNode? node, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : Compact))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <paramref name="node"/> to <paramref name="writer"/>, non-finite numbers as <c>null</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> p in o)
                {
                    writer.WritePropertyName(p.Key);
                    Write(writer, p.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (JsonNode? item in a)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue v when IsNonFinite(v):
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes a named number, or <c>null</c> when it is not finite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>True when the value is a float or double NaN or infinity (the only numbers JSON cannot hold).</summary>
    public static bool IsNonFinite(JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.TryGetValue(out double d))
        {
            return !double.IsFinite(d);
        }

        if (value.TryGetValue(out float f))
        {
            return !float.IsFinite(f);
        }

        return value.TryGetValue(out Half h) && !Half.IsFinite(h);
    }
}
