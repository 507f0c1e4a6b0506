namespace MultiRate.Logs.Mcap;

/// <summary>A Summary Offset record: locates one group of same-opcode records in the summary section.</summary>
/// <param name="GroupOpcode">Opcode of the records in the group.</param>
/// <param name="GroupStart">Byte offset of the group.</param>
/// <param name="GroupLength">Byte length of the group.</param>
public sealed record McapSummaryOffset(byte GroupOpcode, ulong GroupStart, ulong GroupLength) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.SummaryOffset;
}
