using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Parses a JSON message payload completely, so that bad bytes fail here with a position and not
/// later, when a consumer first touches a lazily parsed value.
/// </summary>
/// <remarks>
/// Found by fuzzing: <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/>
/// defers transcoding strings and property names, so invalid UTF-8 or a lone escaped surrogate
/// surfaced as an <see cref="InvalidOperationException"/> far from the reader.
/// </remarks>
internal static class JsonPayload
{
    /// <summary>Parses <paramref name="data"/> and touches every value.</summary>
    /// <returns>The node, or null for the JSON literal <c>null</c>.</returns>
    /// <exception cref="FormatException">The bytes are not valid UTF-8 JSON; the message says where.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> data)
    {
        int bad = FirstInvalidUtf8(data);
        if (bad >= 0)
        {
            throw new FormatException($"UTF-8 text, but byte {bad} of the payload (0x{data[bad]:X2}) is not valid UTF-8");
        }

        try
        {
            JsonNode? node = JsonNode.Parse(data);
            Touch(node);
            return node;
        }
        catch (JsonException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> data)
    {
        int index = 0;
        while (index < data.Length)
        {
            if (Rune.DecodeFromUtf8(data[index..], out _, out int consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    private static void Touch(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    Touch(property.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Touch(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
