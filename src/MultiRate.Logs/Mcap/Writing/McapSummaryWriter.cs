using System.IO.Hashing;

namespace MultiRate.Logs.Mcap;

/// <summary>What goes into the summary section; a null list means "feature off".</summary>
internal sealed class McapSummaryContent
{
    public IReadOnlyList<McapSchema>? Schemas { get; init; }

    public IReadOnlyList<McapChannel>? Channels { get; init; }

    public McapStatistics? Statistics { get; init; }

    public IReadOnlyList<McapMetadataIndex>? MetadataIndexes { get; init; }

    public IReadOnlyList<McapAttachmentIndex>? AttachmentIndexes { get; init; }

    public IReadOnlyList<McapChunkIndex>? ChunkIndexes { get; init; }

    public bool UseSummaryOffsets { get; init; }
}

/// <summary>
/// Builds the summary section, summary offsets, Footer and closing magic in one buffer. Group order
/// (schemas, channels, statistics, metadata, attachment and chunk indexes) and the rule that empty
/// groups get no Summary Offset follow the reference TypeScript writer, so output matches the
/// conformance suite byte for byte.
/// </summary>
internal static class McapSummaryWriter
{
    /// <param name="w">Receives the bytes (must be empty).</param>
    /// <param name="summaryStart">File offset at which <paramref name="w"/>'s first byte will land.</param>
    /// <param name="content">The summary content.</param>
    public static void Write(McapBufferWriter w, ulong summaryStart, McapSummaryContent content)
    {
        var offsets = new List<McapSummaryOffset>();
        Group(w, summaryStart, McapOpcode.Schema, content.Schemas, McapRecordSerializer.Schema, offsets);
        Group(w, summaryStart, McapOpcode.Channel, content.Channels, McapRecordSerializer.Channel, offsets);
        Group<McapStatistics>(w, summaryStart, McapOpcode.Statistics, content.Statistics is null ? null : [content.Statistics], McapRecordSerializer.Statistics, offsets);
        Group(w, summaryStart, McapOpcode.MetadataIndex, content.MetadataIndexes, McapRecordSerializer.MetadataIndex, offsets);
        Group(w, summaryStart, McapOpcode.AttachmentIndex, content.AttachmentIndexes, McapRecordSerializer.AttachmentIndex, offsets);
        Group(w, summaryStart, McapOpcode.ChunkIndex, content.ChunkIndexes, McapRecordSerializer.ChunkIndex, offsets);

        bool hasSummary = w.Length > 0;
        ulong summaryOffsetStart = 0;
        if (content.UseSummaryOffsets)
        {
            summaryOffsetStart = summaryStart + (ulong)w.Length;
            foreach (McapSummaryOffset offset in offsets)
            {
                McapRecordSerializer.SummaryOffset(w, offset);
            }
        }

        // The CRC runs from the summary start (even when the footer says "no summary") through the
        // footer fields before the CRC, as the spec and the reference writers do.
        McapRecordSerializer.FooterPrefix(w, hasSummary ? summaryStart : 0, summaryOffsetStart);
        w.U32(Crc32.HashToUInt32(w.WrittenSpan));
        w.Bytes(McapConstants.Magic);
    }

    private static void Group<T>(McapBufferWriter w, ulong summaryStart, McapOpcode opcode, IReadOnlyList<T>? records, Func<McapBufferWriter, T, ulong> write, List<McapSummaryOffset> offsets)
    {
        if (records is null)
        {
            return;
        }

        ulong start = summaryStart + (ulong)w.Length;
        ulong length = 0;
        foreach (T record in records)
        {
            length += write(w, record);
        }

        if (length > 0)
        {
            offsets.Add(new McapSummaryOffset((byte)opcode, start, length));
        }
    }
}
