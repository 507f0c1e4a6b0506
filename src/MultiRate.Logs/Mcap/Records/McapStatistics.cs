namespace MultiRate.Logs.Mcap;

/// <summary>A Statistics record (summary section): counts and time range of the whole file.</summary>
/// <param name="MessageCount">Number of messages.</param>
/// <param name="SchemaCount">Number of schemas.</param>
/// <param name="ChannelCount">Number of channels.</param>
/// <param name="AttachmentCount">Number of attachments.</param>
/// <param name="MetadataCount">Number of metadata records.</param>
/// <param name="ChunkCount">Number of chunks.</param>
/// <param name="MessageStartTime">Earliest message log time (0 when there are none).</param>
/// <param name="MessageEndTime">Latest message log time (0 when there are none).</param>
/// <param name="ChannelMessageCounts">Message count per channel id, in file order.</param>
public sealed record McapStatistics(ulong MessageCount, ushort SchemaCount, uint ChannelCount, uint AttachmentCount, uint MetadataCount, uint ChunkCount, ulong MessageStartTime, ulong MessageEndTime, IReadOnlyList<KeyValuePair<ushort, ulong>> ChannelMessageCounts) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Statistics;
}
