namespace MultiRate.Logs.Mcap;

/// <summary>An Attachment Index record (summary section): locates one attachment.</summary>
/// <param name="Offset">Byte offset of the Attachment record.</param>
/// <param name="Length">Byte length of the Attachment record, opcode and length prefix included.</param>
/// <param name="LogTime">Attachment log time.</param>
/// <param name="CreateTime">Attachment creation time.</param>
/// <param name="DataSize">Size of the attachment data.</param>
/// <param name="Name">Attachment name.</param>
/// <param name="MediaType">Attachment media type.</param>
public sealed record McapAttachmentIndex(ulong Offset, ulong Length, ulong LogTime, ulong CreateTime, ulong DataSize, string Name, string MediaType) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.AttachmentIndex;
}
