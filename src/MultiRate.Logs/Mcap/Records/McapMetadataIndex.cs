namespace MultiRate.Logs.Mcap;

/// <summary>A Metadata Index record (summary section): locates one metadata record.</summary>
/// <param name="Offset">Byte offset of the Metadata record.</param>
/// <param name="Length">Byte length of the Metadata record, opcode and length prefix included.</param>
/// <param name="Name">Metadata name.</param>
public sealed record McapMetadataIndex(ulong Offset, ulong Length, string Name) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.MetadataIndex;
}
