namespace MultiRate.Logs.Mcap;

/// <summary>An Attachment record: a named file stored in the log.</summary>
/// <param name="LogTime">Log time in nanoseconds.</param>
/// <param name="CreateTime">Creation time in nanoseconds.</param>
/// <param name="Name">Attachment name.</param>
/// <param name="MediaType">Media type (e.g. <c>text/plain</c>).</param>
/// <param name="Data">Attachment bytes.</param>
/// <param name="Crc">CRC-32 of the record fields before it, or 0 when not set.</param>
public sealed record McapAttachment(ulong LogTime, ulong CreateTime, string Name, string MediaType, ReadOnlyMemory<byte> Data, uint Crc) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Attachment;
}
