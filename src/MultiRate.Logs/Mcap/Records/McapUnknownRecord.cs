namespace MultiRate.Logs.Mcap;

/// <summary>A record with an opcode this library does not know; readers pass it through unparsed.</summary>
/// <param name="RawOpcode">The opcode byte as found in the file.</param>
/// <param name="Body">The record body.</param>
public sealed record McapUnknownRecord(byte RawOpcode, ReadOnlyMemory<byte> Body) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Unknown;
}
