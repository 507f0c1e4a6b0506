namespace MultiRate.Logs.Mcap;

/// <summary>A Message record: one timestamped payload on a channel.</summary>
/// <param name="ChannelId">Channel id.</param>
/// <param name="Sequence">Sequence number (optional, per channel).</param>
/// <param name="LogTime">Time the message was recorded, in nanoseconds.</param>
/// <param name="PublishTime">Time the message was published, in nanoseconds.</param>
/// <param name="Data">Encoded message payload.</param>
public sealed record McapMessage(ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Message;
}
