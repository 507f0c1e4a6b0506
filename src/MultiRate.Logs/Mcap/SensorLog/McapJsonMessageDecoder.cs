using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>The built-in decoder for the <c>json</c> message encoding.</summary>
internal sealed class McapJsonMessageDecoder : IMcapMessageDecoder
{
    public bool CanDecode(string messageEncoding, string schemaEncoding) => messageEncoding == "json";

    /// <remarks>A payload that is JSON but not an object (e.g. a bare number) is returned as <c>{"value": ...}</c>.</remarks>
    public JsonObject Decode(McapSchema? schema, ReadOnlySpan<byte> data)
    {
        JsonNode? node;
        try
        {
            node = Decoding.JsonPayload.Parse(data);
        }
        catch (FormatException ex)
        {
            throw new LogFormatException(null, -1, "json message", $"valid UTF-8 JSON ({ex.Message})");
        }

        return node as JsonObject ?? new JsonObject { ["value"] = node };
    }
}
