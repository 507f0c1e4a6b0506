namespace MultiRate.Logs.Mcap;

/// <summary>A Channel record: a topic with its message encoding and schema.</summary>
/// <param name="Id">Channel id, used by messages.</param>
/// <param name="SchemaId">Schema id, or 0 for schemaless messages.</param>
/// <param name="Topic">Topic name.</param>
/// <param name="MessageEncoding">Message encoding (e.g. <c>cdr</c>, <c>json</c>).</param>
/// <param name="Metadata">Key/value metadata in file order.</param>
public sealed record McapChannel(ushort Id, ushort SchemaId, string Topic, string MessageEncoding, IReadOnlyList<KeyValuePair<string, string>> Metadata) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Channel;
}
