namespace MultiRate.Logs.Mcap;

/// <summary>Fixed sizes and bytes from the MCAP spec.</summary>
internal static class McapConstants
{
    /// <summary>Opcode (1) + record length (8).</summary>
    public const int RecordHeaderSize = 9;

    /// <summary>summary_start (8) + summary_offset_start (8) + summary_crc (4).</summary>
    public const int FooterBodySize = 20;

    /// <summary>Footer record bytes covered by the summary CRC: all but the CRC itself.</summary>
    public const int FooterCrcPrefixSize = RecordHeaderSize + 16;

    /// <summary>Footer record plus the closing magic.</summary>
    public const int FooterAndMagicSize = RecordHeaderSize + FooterBodySize + 8;

    /// <summary>0x89 M C A P 0 \r \n.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, (byte)'\r', (byte)'\n'];

    /// <summary>A readable name for an opcode byte, for error messages.</summary>
    public static string RecordName(byte opcode) =>
        opcode is >= 0x01 and <= 0x0F ? ((McapOpcode)opcode).ToString() : $"unknown record (opcode 0x{opcode:X2})";
}
