namespace MultiRate.Logs.Mcap;

/// <summary>What the summary section of a file says (filled by <see cref="McapSummaryLoader"/>).</summary>
internal sealed class McapSummary
{
    public required McapHeader Header { get; init; }

    public required McapFooter Footer { get; init; }

    public Dictionary<ushort, McapSchema> Schemas { get; } = [];

    public Dictionary<ushort, McapChannel> Channels { get; } = [];

    public McapStatistics? Statistics { get; set; }

    public List<McapChunkIndex> ChunkIndexes { get; } = [];

    public List<McapAttachmentIndex> AttachmentIndexes { get; } = [];

    public List<McapMetadataIndex> MetadataIndexes { get; } = [];

    public List<McapSummaryOffset> SummaryOffsets { get; } = [];

    /// <summary>Files the record under its kind; other records in the summary are ignored.</summary>
    public void Add(McapRecord record)
    {
        switch (record)
        {
            case McapSchema schema:
                Schemas.TryAdd(schema.Id, schema);
                break;
            case McapChannel channel:
                Channels.TryAdd(channel.Id, channel);
                break;
            case McapStatistics statistics:
                Statistics = statistics;
                break;
            case McapChunkIndex chunkIndex:
                ChunkIndexes.Add(chunkIndex);
                break;
            case McapAttachmentIndex attachmentIndex:
                AttachmentIndexes.Add(attachmentIndex);
                break;
            case McapMetadataIndex metadataIndex:
                MetadataIndexes.Add(metadataIndex);
                break;
            case McapSummaryOffset summaryOffset:
                SummaryOffsets.Add(summaryOffset);
                break;
        }
    }
}
