namespace MultiRate.Logs.Mcap;

/// <summary>The Data End record: ends the data section.</summary>
/// <param name="DataSectionCrc">CRC-32 of every byte before this record, or 0 when not set.</param>
public sealed record McapDataEnd(uint DataSectionCrc) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.DataEnd;
}
