using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary>
/// Renders records the way the conformance JSON does: fields sorted by snake_case name, numbers as
/// decimal strings, bytes as arrays of decimal strings, maps as objects.
/// </summary>
internal static class McapJsonProjection
{
    public static JsonObject Project(McapRecord record)
    {
        (string type, (string, JsonNode)[] fields) = record switch
        {
            McapHeader h => ("Header", new[] { F("library", h.Library), F("profile", h.Profile) }),
            McapFooter f => ("Footer", new[] { F("summary_crc", f.SummaryCrc), F("summary_offset_start", f.SummaryOffsetStart), F("summary_start", f.SummaryStart) }),
            McapSchema s => ("Schema", new[] { F("data", s.Data), F("encoding", s.Encoding), F("id", s.Id), F("name", s.Name) }),
            McapChannel c => ("Channel", new[] { F("id", c.Id), F("message_encoding", c.MessageEncoding), F("metadata", c.Metadata), F("schema_id", c.SchemaId), F("topic", c.Topic) }),
            McapMessage m => ("Message", new[] { F("channel_id", m.ChannelId), F("data", m.Data), F("log_time", m.LogTime), F("publish_time", m.PublishTime), F("sequence", m.Sequence) }),
            McapDataEnd d => ("DataEnd", new[] { F("data_section_crc", d.DataSectionCrc) }),
            McapStatistics s => ("Statistics", new[]
            {
                F("attachment_count", s.AttachmentCount), F("channel_count", s.ChannelCount), F("channel_message_counts", s.ChannelMessageCounts),
                F("chunk_count", s.ChunkCount), F("message_count", s.MessageCount), F("message_end_time", s.MessageEndTime),
                F("message_start_time", s.MessageStartTime), F("metadata_count", s.MetadataCount), F("schema_count", s.SchemaCount),
            }),
            McapChunkIndex c => ("ChunkIndex", new[]
            {
                F("chunk_length", c.ChunkLength), F("chunk_start_offset", c.ChunkStartOffset), F("compressed_size", c.CompressedSize),
                F("compression", c.Compression), F("message_end_time", c.MessageEndTime), F("message_index_length", c.MessageIndexLength),
                F("message_index_offsets", c.MessageIndexOffsets), F("message_start_time", c.MessageStartTime), F("uncompressed_size", c.UncompressedSize),
            }),
            McapAttachment a => ("Attachment", new[] { F("create_time", a.CreateTime), F("data", a.Data), F("log_time", a.LogTime), F("media_type", a.MediaType), F("name", a.Name) }),
            McapAttachmentIndex a => ("AttachmentIndex", new[]
            {
                F("create_time", a.CreateTime), F("data_size", a.DataSize), F("length", a.Length), F("log_time", a.LogTime),
                F("media_type", a.MediaType), F("name", a.Name), F("offset", a.Offset),
            }),
            McapMetadata m => ("Metadata", new[] { F("metadata", m.Metadata), F("name", m.Name) }),
            McapMetadataIndex m => ("MetadataIndex", new[] { F("length", m.Length), F("name", m.Name), F("offset", m.Offset) }),
            McapSummaryOffset s => ("SummaryOffset", new[] { F("group_length", s.GroupLength), F("group_opcode", s.GroupOpcode), F("group_start", s.GroupStart) }),
            _ => (record.GetType().Name, Array.Empty<(string, JsonNode)>()),
        };

        var array = new JsonArray();
        foreach ((string name, JsonNode value) in fields.OrderBy(f => f.Item1, StringComparer.Ordinal))
        {
            array.Add(new JsonArray(name, value));
        }

        return new JsonObject { ["type"] = type, ["fields"] = array };
    }

    private static (string, JsonNode) F(string name, string value) => (name, JsonValue.Create(value));

    private static (string, JsonNode) F(string name, ulong value) => (name, JsonValue.Create(value.ToString(CultureInfo.InvariantCulture)));

    private static (string, JsonNode) F(string name, ReadOnlyMemory<byte> bytes) =>
        (name, new JsonArray(bytes.ToArray().Select(b => (JsonNode)JsonValue.Create(b.ToString(CultureInfo.InvariantCulture))).ToArray()));

    private static (string, JsonNode) F(string name, IReadOnlyList<KeyValuePair<string, string>> map)
    {
        var obj = new JsonObject();
        foreach (KeyValuePair<string, string> pair in map)
        {
            obj[pair.Key] = pair.Value;
        }

        return (name, obj);
    }

    private static (string, JsonNode) F(string name, IReadOnlyList<KeyValuePair<ushort, ulong>> map)
    {
        var obj = new JsonObject();
        foreach (KeyValuePair<ushort, ulong> pair in map)
        {
            obj[pair.Key.ToString(CultureInfo.InvariantCulture)] = pair.Value.ToString(CultureInfo.InvariantCulture);
        }

        return (name, obj);
    }
}
