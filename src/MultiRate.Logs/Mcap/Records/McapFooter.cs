namespace MultiRate.Logs.Mcap;

/// <summary>The Footer record: the last record before the closing magic.</summary>
/// <param name="SummaryStart">Byte offset of the summary section, or 0 when there is none.</param>
/// <param name="SummaryOffsetStart">Byte offset of the first Summary Offset record, or 0.</param>
/// <param name="SummaryCrc">CRC-32 of the summary section through the footer's fields before this one, or 0 when not set.</param>
public sealed record McapFooter(ulong SummaryStart, ulong SummaryOffsetStart, uint SummaryCrc) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Footer;
}
