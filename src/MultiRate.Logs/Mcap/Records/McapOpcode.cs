namespace MultiRate.Logs.Mcap;

/// <summary>MCAP record opcodes (https://mcap.dev/spec).</summary>
#pragma warning disable CA1028 // The spec defines opcodes as one byte.
public enum McapOpcode : byte
#pragma warning restore CA1028
{
    /// <summary>Not a spec opcode: used for records this library does not know.</summary>
    Unknown = 0x00,

    /// <summary>Header.</summary>
    Header = 0x01,

    /// <summary>Footer.</summary>
    Footer = 0x02,

    /// <summary>Schema.</summary>
    Schema = 0x03,

    /// <summary>Channel.</summary>
    Channel = 0x04,

    /// <summary>Message.</summary>
    Message = 0x05,

    /// <summary>Chunk.</summary>
    Chunk = 0x06,

    /// <summary>Message index.</summary>
    MessageIndex = 0x07,

    /// <summary>Chunk index.</summary>
    ChunkIndex = 0x08,

    /// <summary>Attachment.</summary>
    Attachment = 0x09,

    /// <summary>Attachment index.</summary>
    AttachmentIndex = 0x0A,

    /// <summary>Statistics.</summary>
    Statistics = 0x0B,

    /// <summary>Metadata.</summary>
    Metadata = 0x0C,

    /// <summary>Metadata index.</summary>
    MetadataIndex = 0x0D,

    /// <summary>Summary offset.</summary>
    SummaryOffset = 0x0E,

    /// <summary>Data end.</summary>
    DataEnd = 0x0F,
}
