namespace MultiRate.Logs.Mcap;

/// <summary>A Metadata record: named key/value pairs.</summary>
/// <param name="Name">Metadata name.</param>
/// <param name="Metadata">Key/value pairs in file order.</param>
public sealed record McapMetadata(string Name, IReadOnlyList<KeyValuePair<string, string>> Metadata) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Metadata;
}
