using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Decodes MCAP messages with message encoding <c>json</c> (schema encoding <c>jsonschema</c> or
/// none): the payload is one UTF-8 JSON object. The schema is not validated against.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class JsonMessageDecoder
{
    /// <summary>True for message encoding <c>json</c> with schema encoding <c>jsonschema</c> or empty.</summary>
    public static bool CanDecode(string messageEncoding, string schemaEncoding) =>
        messageEncoding == "json" && schemaEncoding is "jsonschema" or "";

    /// <summary>Parses one message.</summary>
    /// <param name="data">UTF-8 JSON text.</param>
    /// <param name="sourcePath">The log file, for error messages.</param>
    /// <param name="topic">The topic or schema, for error messages.</param>
    /// <returns>The parsed object.</returns>
    /// <exception cref="LogFormatException">The bytes are not JSON, or the JSON is not an object.</exception>
    public static JsonObject Decode(ReadOnlySpan<byte> data, string? sourcePath = null, string? topic = null)
    {
        string record = topic is null ? "JSON message" : $"JSON message on '{topic}'";
        JsonNode? node;
        try
        {
            node = JsonPayload.Parse(data);
        }
        catch (FormatException ex)
        {
            // The JsonException message carries the line and byte position within the payload.
            throw new LogFormatException(sourcePath, -1, record, $"valid JSON ({ex.Message})");
        }

        return node as JsonObject
            ?? throw new LogFormatException(sourcePath, -1, record, $"a JSON object, not {(node is null ? "null" : node.GetValueKind().ToString())}");
    }
}
