namespace MultiRate.Logs.Mcap;

/// <summary>A Message Index record: where one channel's messages sit inside the preceding chunk.</summary>
/// <param name="ChannelId">Channel id.</param>
/// <param name="Entries">Log time and offset (into the decompressed chunk records) of each message.</param>
public sealed record McapMessageIndex(ushort ChannelId, IReadOnlyList<McapMessageIndexEntry> Entries) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.MessageIndex;
}
