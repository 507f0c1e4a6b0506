namespace MultiRate.Logs.Mcap;

/// <summary>Serializes records in spec layout. Each method returns the record's full size.</summary>
internal static class McapRecordSerializer
{
    public static ulong Header(McapBufferWriter w, string profile, string library)
    {
        int start = w.BeginRecord(McapOpcode.Header);
        w.String(profile).String(library);
        return w.EndRecord(start);
    }

    public static ulong Schema(McapBufferWriter w, McapSchema schema)
    {
        int start = w.BeginRecord(McapOpcode.Schema);
        w.U16(schema.Id).String(schema.Name).String(schema.Encoding).U32((uint)schema.Data.Length).Bytes(schema.Data.Span);
        return w.EndRecord(start);
    }

    public static ulong Channel(McapBufferWriter w, McapChannel channel)
    {
        int start = w.BeginRecord(McapOpcode.Channel);
        w.U16(channel.Id).U16(channel.SchemaId).String(channel.Topic).String(channel.MessageEncoding);
        StringMap(w, channel.Metadata);
        return w.EndRecord(start);
    }

    public static ulong Message(McapBufferWriter w, ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        int start = w.BeginRecord(McapOpcode.Message);
        w.U16(channelId).U32(sequence).U64(logTime).U64(publishTime).Bytes(data);
        return w.EndRecord(start);
    }

    public static ulong MessageIndex(McapBufferWriter w, ushort channelId, IReadOnlyList<McapMessageIndexEntry> entries)
    {
        int start = w.BeginRecord(McapOpcode.MessageIndex);
        w.U16(channelId).U32((uint)(entries.Count * 16));
        foreach (McapMessageIndexEntry entry in entries)
        {
            w.U64(entry.LogTime).U64(entry.Offset);
        }

        return w.EndRecord(start);
    }

    public static ulong ChunkIndex(McapBufferWriter w, McapChunkIndex index)
    {
        int start = w.BeginRecord(McapOpcode.ChunkIndex);
        w.U64(index.MessageStartTime).U64(index.MessageEndTime).U64(index.ChunkStartOffset).U64(index.ChunkLength);
        w.U32((uint)(index.MessageIndexOffsets.Count * 10));
        foreach (KeyValuePair<ushort, ulong> pair in index.MessageIndexOffsets)
        {
            w.U16(pair.Key).U64(pair.Value);
        }

        w.U64(index.MessageIndexLength).String(index.Compression).U64(index.CompressedSize).U64(index.UncompressedSize);
        return w.EndRecord(start);
    }

    /// <summary>Writes the attachment; the CRC covers every field before it.</summary>
    public static ulong Attachment(McapBufferWriter w, ulong logTime, ulong createTime, string name, string mediaType, ReadOnlySpan<byte> data)
    {
        int start = w.BeginRecord(McapOpcode.Attachment);
        w.U64(logTime).U64(createTime).String(name).String(mediaType).U64((ulong)data.Length).Bytes(data);
        uint crc = System.IO.Hashing.Crc32.HashToUInt32(w.WrittenSpan[(start + McapConstants.RecordHeaderSize)..]);
        w.U32(crc);
        return w.EndRecord(start);
    }

    public static ulong AttachmentIndex(McapBufferWriter w, McapAttachmentIndex index)
    {
        int start = w.BeginRecord(McapOpcode.AttachmentIndex);
        w.U64(index.Offset).U64(index.Length).U64(index.LogTime).U64(index.CreateTime).U64(index.DataSize).String(index.Name).String(index.MediaType);
        return w.EndRecord(start);
    }

    public static ulong Statistics(McapBufferWriter w, McapStatistics s)
    {
        int start = w.BeginRecord(McapOpcode.Statistics);
        w.U64(s.MessageCount).U16(s.SchemaCount).U32(s.ChannelCount).U32(s.AttachmentCount).U32(s.MetadataCount).U32(s.ChunkCount);
        w.U64(s.MessageStartTime).U64(s.MessageEndTime);
        int map = w.BeginMap();
        foreach (KeyValuePair<ushort, ulong> pair in s.ChannelMessageCounts)
        {
            w.U16(pair.Key).U64(pair.Value);
        }

        w.EndMap(map);
        return w.EndRecord(start);
    }

    public static ulong Metadata(McapBufferWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        int start = w.BeginRecord(McapOpcode.Metadata);
        w.String(name);
        StringMap(w, metadata);
        return w.EndRecord(start);
    }

    public static ulong MetadataIndex(McapBufferWriter w, McapMetadataIndex index)
    {
        int start = w.BeginRecord(McapOpcode.MetadataIndex);
        w.U64(index.Offset).U64(index.Length).String(index.Name);
        return w.EndRecord(start);
    }

    public static ulong SummaryOffset(McapBufferWriter w, McapSummaryOffset offset)
    {
        int start = w.BeginRecord(McapOpcode.SummaryOffset);
        w.U8(offset.GroupOpcode).U64(offset.GroupStart).U64(offset.GroupLength);
        return w.EndRecord(start);
    }

    public static ulong DataEnd(McapBufferWriter w, uint crc)
    {
        int start = w.BeginRecord(McapOpcode.DataEnd);
        w.U32(crc);
        return w.EndRecord(start);
    }

    /// <summary>The footer's fields up to (not including) its CRC: exactly what the summary CRC covers last.</summary>
    public static void FooterPrefix(McapBufferWriter w, ulong summaryStart, ulong summaryOffsetStart) =>
        w.U8((byte)McapOpcode.Footer).U64(McapConstants.FooterBodySize).U64(summaryStart).U64(summaryOffsetStart);

    private static void StringMap(McapBufferWriter w, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        int map = w.BeginMap();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            w.String(pair.Key).String(pair.Value);
        }

        w.EndMap(map);
    }
}
