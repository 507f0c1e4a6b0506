using System.IO.Hashing;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Turns one record body into a record model. Fields are read in spec order; bytes left over at the
/// end of a record are skipped, as the spec requires of readers (newer writers may append fields).
/// </summary>
internal static class McapRecordParser
{
    /// <summary>Parses a record body.</summary>
    /// <param name="opcode">The opcode byte.</param>
    /// <param name="body">The record body (after opcode and length).</param>
    /// <param name="path">File path for errors.</param>
    /// <param name="bodyOffset">File offset of the body, or -1 inside a chunk.</param>
    /// <param name="label">Record description for errors (e.g. <c>Schema record at byte 42</c>).</param>
    /// <param name="validateCrc">Check attachment CRCs.</param>
    public static McapRecord Parse(byte opcode, ReadOnlyMemory<byte> body, string? path, long bodyOffset, string label, bool validateCrc)
    {
        var r = new McapFieldReader(body, path, bodyOffset, label);
        switch ((McapOpcode)opcode)
        {
            case McapOpcode.Header:
                return new McapHeader(r.String("profile"), r.String("library"));
            case McapOpcode.Footer:
                return new McapFooter(r.U64("summary_start"), r.U64("summary_offset_start"), r.U32("summary_crc"));
            case McapOpcode.Schema:
                return new McapSchema(r.U16("id"), r.String("name"), r.String("encoding"), r.Bytes32("data"));
            case McapOpcode.Channel:
                return new McapChannel(r.U16("id"), r.U16("schema_id"), r.String("topic"), r.String("message_encoding"), r.StringMap("metadata"));
            case McapOpcode.Message:
                return new McapMessage(r.U16("channel_id"), r.U32("sequence"), r.Time("log_time"), r.U64("publish_time"), r.Rest());
            case McapOpcode.Chunk:
                return new McapChunk(r.Time("message_start_time"), r.Time("message_end_time"), r.U64("uncompressed_size"), r.U32("uncompressed_crc"), r.String("compression"), r.Bytes64("records"));
            case McapOpcode.MessageIndex:
                return new McapMessageIndex(r.U16("channel_id"), r.IndexEntries("records"));
            case McapOpcode.ChunkIndex:
                return new McapChunkIndex(
                    r.Time("message_start_time"), r.Time("message_end_time"), r.U64("chunk_start_offset"), r.U64("chunk_length"),
                    r.U16U64Map("message_index_offsets"), r.U64("message_index_length"), r.String("compression"),
                    r.U64("compressed_size"), r.U64("uncompressed_size"));
            case McapOpcode.Attachment:
                return ParseAttachment(ref r, body, path, bodyOffset, label, validateCrc);
            case McapOpcode.AttachmentIndex:
                return new McapAttachmentIndex(r.U64("offset"), r.U64("length"), r.U64("log_time"), r.U64("create_time"), r.U64("data_size"), r.String("name"), r.String("media_type"));
            case McapOpcode.Statistics:
                return new McapStatistics(
                    r.U64("message_count"), r.U16("schema_count"), r.U32("channel_count"), r.U32("attachment_count"),
                    r.U32("metadata_count"), r.U32("chunk_count"), r.Time("message_start_time"), r.Time("message_end_time"),
                    r.U16U64Map("channel_message_counts"));
            case McapOpcode.Metadata:
                return new McapMetadata(r.String("name"), r.StringMap("metadata"));
            case McapOpcode.MetadataIndex:
                return new McapMetadataIndex(r.U64("offset"), r.U64("length"), r.String("name"));
            case McapOpcode.SummaryOffset:
                return new McapSummaryOffset(r.U8("group_opcode"), r.U64("group_start"), r.U64("group_length"));
            case McapOpcode.DataEnd:
                return new McapDataEnd(r.U32("data_section_crc"));
            default:
                return new McapUnknownRecord(opcode, body);
        }
    }

    private static McapAttachment ParseAttachment(ref McapFieldReader r, ReadOnlyMemory<byte> body, string? path, long bodyOffset, string label, bool validateCrc)
    {
        ulong logTime = r.U64("log_time");
        ulong createTime = r.U64("create_time");
        string name = r.String("name");
        string mediaType = r.String("media_type");
        ReadOnlyMemory<byte> data = r.Bytes64("data");
        int crcStart = r.Position;
        uint crc = r.U32("crc");
        if (validateCrc && crc != 0)
        {
            uint actual = Crc32.HashToUInt32(body.Span[..crcStart]);
            if (actual != crc)
            {
                long at = bodyOffset < 0 ? -1 : bodyOffset + crcStart;
                throw new LogFormatException(path, at, $"{label}, field crc", $"CRC-32 0x{crc:X8} of attachment '{name}', computed 0x{actual:X8}");
            }
        }

        return new McapAttachment(logTime, createTime, name, mediaType, data, crc);
    }
}
