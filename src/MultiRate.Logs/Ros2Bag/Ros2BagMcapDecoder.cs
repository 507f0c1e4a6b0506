using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// CDR decoding for the MCAP members of a bag: the Schema record's definition where it has one,
/// else known definitions (rosbag2 can write empty schemas), with the bag's exact-size check and,
/// for <c>compression_mode: MESSAGE</c>, per-message zstd.
/// </summary>
internal sealed class Ros2BagMcapDecoder(string file, Ros2BagDecoders decoders, IReadOnlyDictionary<string, string> topicTypes) : IMcapMessageDecoder
{
    public bool CanDecode(string messageEncoding, string schemaEncoding) =>
        messageEncoding == "cdr" && schemaEncoding is "ros2msg" or "";

    public JsonObject Decode(McapSchema? schema, ReadOnlySpan<byte> data)
    {
        string type = schema?.Name ?? string.Empty;
        string text = schema is null ? string.Empty : Encoding.UTF8.GetString(schema.Data.Span);

        // The decoder is not told the channel: name the topics that carry this type instead.
        string topics = string.Join(", ", topicTypes.Where(t => t.Value == type).Select(t => t.Key).Order(StringComparer.Ordinal));
        string? stored = text.Trim().Length > 0 || schema?.Encoding == "ros2msg" && !HasKnown(type) ? text : null;
        return decoders.Decode(file, topics.Length > 0 ? topics : type, type, "cdr", stored, -1, data);
    }

    private bool HasKnown(string type) => decoders.KnowsType(type);
}
