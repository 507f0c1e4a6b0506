namespace MultiRate.Logs.Mcap;

/// <summary>Collects the records of the open chunk and, optionally, each channel's message index.</summary>
internal sealed class McapChunkBuilder
{
    private readonly bool _useMessageIndex;
    private readonly List<KeyValuePair<ushort, List<McapMessageIndexEntry>>> _indexes = [];
    private readonly Dictionary<ushort, int> _indexSlots = [];

    public McapChunkBuilder(bool useMessageIndex) => _useMessageIndex = useMessageIndex;

    /// <summary>The uncompressed records.</summary>
    public McapBufferWriter Records { get; } = new(64 * 1024);

    public ulong MessageStartTime { get; private set; }

    public ulong MessageEndTime { get; private set; }

    public int MessageCount { get; private set; }

    /// <summary>Message indexes per channel, in the order the channels entered the chunk.</summary>
    public IReadOnlyList<KeyValuePair<ushort, List<McapMessageIndexEntry>>> Indexes => _indexes;

    public void AddSchema(McapSchema schema) => McapRecordSerializer.Schema(Records, schema);

    public void AddChannel(McapChannel channel)
    {
        IndexFor(channel.Id);
        McapRecordSerializer.Channel(Records, channel);
    }

    public void AddMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        if (MessageCount == 0 || logTime < MessageStartTime)
        {
            MessageStartTime = logTime;
        }

        if (MessageCount == 0 || logTime > MessageEndTime)
        {
            MessageEndTime = logTime;
        }

        IndexFor(channelId)?.Add(new McapMessageIndexEntry(logTime, (ulong)Records.Length));
        MessageCount++;
        McapRecordSerializer.Message(Records, channelId, sequence, logTime, publishTime, data);
    }

    public void Reset()
    {
        Records.Reset();
        _indexes.Clear();
        _indexSlots.Clear();
        MessageStartTime = 0;
        MessageEndTime = 0;
        MessageCount = 0;
    }

    private List<McapMessageIndexEntry>? IndexFor(ushort channelId)
    {
        if (!_useMessageIndex)
        {
            return null;
        }

        if (!_indexSlots.TryGetValue(channelId, out int slot))
        {
            slot = _indexes.Count;
            _indexSlots[channelId] = slot;
            _indexes.Add(new(channelId, []));
        }

        return _indexes[slot].Value;
    }
}
