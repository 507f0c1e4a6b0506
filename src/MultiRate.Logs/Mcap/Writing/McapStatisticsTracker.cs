namespace MultiRate.Logs.Mcap;

/// <summary>Counts what the writer writes, for the Statistics record.</summary>
internal sealed class McapStatisticsTracker
{
    private readonly List<KeyValuePair<ushort, ulong>> _channelCounts = [];
    private readonly Dictionary<ushort, int> _channelSlots = [];
    private ulong _messageCount;
    private ulong _start;
    private ulong _end;

    public ushort SchemaCount { get; set; }

    public uint ChannelCount { get; set; }

    public uint AttachmentCount { get; set; }

    public uint MetadataCount { get; set; }

    public uint ChunkCount { get; set; }

    public void AddMessage(ushort channelId, ulong logTime)
    {
        if (_messageCount == 0 || logTime < _start)
        {
            _start = logTime;
        }

        if (_messageCount == 0 || logTime > _end)
        {
            _end = logTime;
        }

        _messageCount++;
        if (_channelSlots.TryGetValue(channelId, out int slot))
        {
            _channelCounts[slot] = new(channelId, _channelCounts[slot].Value + 1);
        }
        else
        {
            _channelSlots[channelId] = _channelCounts.Count;
            _channelCounts.Add(new(channelId, 1));
        }
    }

    public McapStatistics ToRecord() =>
        new(_messageCount, SchemaCount, ChannelCount, AttachmentCount, MetadataCount, ChunkCount, _start, _end, _channelCounts.ToArray());
}
